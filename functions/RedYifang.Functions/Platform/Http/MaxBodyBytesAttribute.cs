namespace RedYifang.Functions.Platform.Http;

/// <summary>Raises the request body limit for one function (default: <c>Http:MaxBodyBytes</c>).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class MaxBodyBytesAttribute(long bytes) : Attribute
{
    public long Bytes { get; } = bytes;
}
