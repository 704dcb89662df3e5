namespace RedYifang.Functions.Platform.Http;

/// <summary>The function answers without a bearer token. Every other function requires one.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AnonymousAttribute : Attribute;

/// <summary>Raises the request body limit for one function (default: <c>Http:MaxBodyBytes</c>).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class MaxBodyBytesAttribute(long bytes) : Attribute
{
    public long Bytes { get; } = bytes;
}
