using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Resources;

/// <summary>One resource by id (published offers are public within the platform, as in <see cref="ListResources"/>).</summary>
public sealed class GetResource(ResourceStore resources)
{
    public async Task<Resource> HandleAsync(string id, CancellationToken ct) =>
        (await resources.FindAsync(id, ct))?.Resource ?? throw Problems.NotFound("resource");
}
