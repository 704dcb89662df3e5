namespace RedYifang.Functions.Evidence;

/// <summary>
/// The verdict on an organisation's chain: <see cref="Checked"/> links held before the first break; with a deep
/// check, <see cref="BytesChecked"/> kept items were re-hashed; with an anchor, whether the chain still holds it.
/// </summary>
public sealed record TraceVerdict(bool Valid, int Checked, ChainBreak? FirstBreak, bool Deep, int? BytesChecked, AnchorCheck? Anchor);
