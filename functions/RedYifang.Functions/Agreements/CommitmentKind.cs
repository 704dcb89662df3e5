namespace RedYifang.Functions.Agreements;

/// <summary>What a unit commits to: services it delivers (送服务, a count) or money it gives (送资金, yuan).</summary>
public enum CommitmentKind
{
    Service,
    Funds,
}
