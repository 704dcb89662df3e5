using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.Security;

namespace RedYifang.Functions.Identity;

/// <summary>The signed-in user and the roles they hold now.</summary>
public sealed class GetMe(UserStore users)
{
    public async Task<MeView> HandleAsync(Caller caller, CancellationToken ct)
    {
        var profile = await users.FindAsync(caller.UserId, ct) ?? throw Problems.Unauthenticated();
        return MeView.Of(profile, caller.Roles);
    }
}
