namespace RedYifang.Functions.Matching;

public enum RunState
{
    Queued,
    Running,
    Completed,
    Failed,
}
