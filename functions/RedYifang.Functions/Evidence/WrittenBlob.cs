namespace RedYifang.Functions.Evidence;

/// <summary>What was written: its length, the SHA-256 of exactly the bytes written, and its first bytes (for sniffing).</summary>
public sealed record WrittenBlob(long Length, string Sha256, byte[] Head);
