namespace RedYifang.Functions.Activities;

/// <summary>What was done to an activity: each step of its history names one.</summary>
public enum ActivityAction
{
    Create,
    Close,
    Cancel,
}
