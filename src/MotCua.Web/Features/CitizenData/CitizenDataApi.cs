using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.CitizenData;

public static class CitizenDataApi
{
    /// <summary><c>CitizenData:Provider</c>: None (default), Fake or Http; anything else stops the start with the setting named.</summary>
    public static WebApplicationBuilder AddCitizenData(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<CitizenDataOptions>(builder.Configuration.GetSection(CitizenDataOptions.Section));
        builder.Services.AddScoped<CheckCitizen>();
        var provider = builder.Configuration[$"{CitizenDataOptions.Section}:Provider"] ?? CitizenDataProviders.None;
        if (string.Equals(provider, CitizenDataProviders.Fake, StringComparison.OrdinalIgnoreCase))
        {
            builder.Services.AddSingleton<ICitizenRegistry, FakeCitizenRegistry>();
        }
        else if (string.Equals(provider, CitizenDataProviders.Http, StringComparison.OrdinalIgnoreCase))
        {
            // The check's own time limit (CheckCitizen) is the one that counts; the client's is only a backstop.
            builder.Services.AddHttpClient(HttpCitizenRegistry.ClientName, c => c.Timeout = TimeSpan.FromSeconds(60));
            builder.Services.AddSingleton<ICitizenRegistry, HttpCitizenRegistry>();
        }
        else if (!string.Equals(provider, CitizenDataProviders.None, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"CitizenData:Provider must be None, Fake or Http, not '{provider}'.");
        }

        return builder;
    }

    public static RouteGroupBuilder MapCitizenDataApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/citizen-checks").WithTags("CitizenData").RequireAuthorization(AccountsSetup.StaffPolicy);
        group.MapPost("/", Check).Doc("checkCitizen", "Đối chiếu thông tin công dân với CSDL quốc gia về dân cư", "Checks an applicant's ID number, name and birth date against the population database, with their consent; the answer is match, mismatch, not found or unavailable; 409 when no register is connected.").ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }

    /// <summary>The desk checks the applicant's ID, name and date of birth (with their consent); the answer's id goes with the intake.</summary>
    private static async Task<Results<Ok<CitizenCheckView>, ValidationProblem, ProblemHttpResult>> Check(
        CheckCitizenRequest body, CheckCitizen handler, ClaimsPrincipal user, CancellationToken ct) =>
        await handler.HandleAsync(body, CheckCitizen.Desk, user.Identity?.Name ?? "", user.FindFirstValue(AppClaims.UnitPath), ct) switch
        {
            CheckCitizen.Checked(var check) => TypedResults.Ok(check),
            CheckCitizen.Invalid(var errors) => TypedResults.ValidationProblem(errors),
            // Not connected is the system's state, not an outage: a 409 the desk reads as "check the ID card by hand".
            CheckCitizen.Off(var message) => TypedResults.Problem(message, statusCode: StatusCodes.Status409Conflict),
            var other => throw new InvalidOperationException($"Unexpected outcome {other}"),
        };
}
