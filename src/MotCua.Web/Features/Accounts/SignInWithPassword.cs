using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using MotCua.Web.Features.Security;

namespace MotCua.Web.Features.Accounts;

/// <summary>
/// Password sign-in for the page (cookie) and the token endpoint: failures are limited per account and per client address
/// (<see cref="SignInLimits"/>), the account's lockout still applies, and every attempt leaves an audit record.
/// </summary>
public sealed class SignInWithPassword(SignInManager<AppUser> signIn, SignInLimits limits, TimeProvider time)
{
    public abstract record Outcome;

    /// <summary>Signed in; <paramref name="Principal"/> is the user's principal (the cookie is already set when one was asked for).</summary>
    public sealed record SignedIn(AppUser User, ClaimsPrincipal Principal, bool IsCitizen) : Outcome;

    public sealed record WrongCredentials : Outcome;

    public sealed record LockedOut : Outcome;

    /// <summary>Too many failures for this account or from this address: nothing was checked; allowed again at <paramref name="RetryAt"/>.</summary>
    public sealed record Limited(DateTimeOffset RetryAt) : Outcome;

    public async Task<Outcome> HandleAsync(string userName, string password, bool setCookie, HttpContext http)
    {
        userName = userName.Trim();
        var client = SecuritySetup.ClientIp(http);
        var channel = setCookie ? "page" : "api";
        // Refused before any work and without an audit row, so that a flood of refused attempts costs nothing and stores nothing.
        if (limits.RetryAt(userName, client) is { } retryAt)
        {
            return new Limited(retryAt);
        }

        var user = await signIn.UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            limits.RecordFailure(userName, client);
            await Audit.SignInAsync(http, time, userName, AuditKind.SignInFailed, channel);
            return new WrongCredentials();
        }

        var result = setCookie
            ? await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true)
            : await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        await Audit.SignInAsync(http, time, user.UserName!, result.Succeeded ? AuditKind.SignIn : result.IsLockedOut ? AuditKind.SignInLockedOut : AuditKind.SignInFailed, channel);
        if (!result.Succeeded)
        {
            // A guess at a locked account is still a guess: it counts.
            limits.RecordFailure(userName, client);
            return result.IsLockedOut ? new LockedOut() : new WrongCredentials();
        }

        limits.RecordSuccess(userName);
        var principal = await signIn.CreateUserPrincipalAsync(user);
        return new SignedIn(user, principal, principal.IsInRole(Roles.Citizen));
    }
}
