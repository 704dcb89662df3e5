namespace RedYifang.Functions.Evidence;

/// <summary>The sealed copy changed while it was being read: a client wrote to it, which a server-only name forbids.</summary>
public sealed class UploadChangedException(string message) : Exception(message);
