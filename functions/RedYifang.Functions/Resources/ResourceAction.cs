namespace RedYifang.Functions.Resources;

public enum ResourceAction
{
    Publish,
    Pause,
    Retire,
}
