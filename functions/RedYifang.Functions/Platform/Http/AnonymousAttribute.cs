namespace RedYifang.Functions.Platform.Http;

/// <summary>The function answers without a bearer token. Every other function requires one.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AnonymousAttribute : Attribute;
