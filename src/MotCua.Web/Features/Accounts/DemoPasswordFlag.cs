using Microsoft.AspNetCore.Identity;

namespace MotCua.Web.Features.Accounts;

/// <summary>Runs on every password set or change, so that the demo-password flag can never go stale.</summary>
public sealed class DemoPasswordFlag : IPasswordValidator<AppUser>
{
    /// <summary>The published password of the demo accounts; outside demo mode no account may keep it.</summary>
    public const string DemoPassword = "MotCua@Demo2025";

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        user.HasDemoPassword = password == DemoPassword;
        return Task.FromResult(IdentityResult.Success);
    }
}
