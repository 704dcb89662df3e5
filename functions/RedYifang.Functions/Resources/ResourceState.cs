namespace RedYifang.Functions.Resources;

public enum ResourceState
{
    Draft,
    Published,
    Paused,
    Retired,
}
