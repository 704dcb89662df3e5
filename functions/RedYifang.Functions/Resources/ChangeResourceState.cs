using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Resources;

/// <summary>Publishes, pauses or retires a resource; the orders it can serve are ranked again (its event tells Matching).</summary>
public sealed class ChangeResourceState(ResourceStore resources, TimeProvider clock)
{
    public async Task<Resource> HandleAsync(Caller caller, string id, ResourceAction action, CancellationToken ct)
    {
        var stored = await resources.FindAsync(id, ct) ?? throw Problems.NotFound("resource");
        if (!ResourcePolicy.MayChange(caller, stored.Resource.UnitPath)) throw Problems.Forbidden();
        var change = stored.Resource.Apply(action, clock.GetUtcNow());
        await resources.UpdateAsync(stored, change, ct);
        return change.Resource;
    }
}
