namespace RedYifang.Functions.Evidence;

public sealed record ChainVerdict(bool Valid, int Checked, ChainBreak? FirstBreak);
