namespace RedYifang.Functions.Resources;

public enum ResourceKind
{
    Service,
    Funds,
}
