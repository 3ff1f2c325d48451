using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using MotCua.Client;
using MotCua.Client.Models;
using MotCua.Testing;

namespace MotCua.IntegrationTests.Infrastructure;

/// <summary>
/// Issue 26.4: the C# client Kiota generates from the committed contract (at build time, see the project file) signs in,
/// receives a dossier, acts on it and tracks it against the running app; an error arrives as the documented problem.
/// </summary>
public sealed class GeneratedClientTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly DateTimeOffset Today = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);

    private sealed class Token(string value) : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new();

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(value);
    }

    private MotCuaClient Client(IAuthenticationProvider auth) =>
        new(new HttpClientRequestAdapter(auth, httpClient: app.CreateClient()) { BaseUrl = "http://localhost" });

    [Fact]
    public async Task The_generated_client_signs_in_receives_acts_and_tracks()
    {
        var ct = TestContext.Current.CancellationToken;
        app.Clock.SetUtcNow(Today);
        var anonymous = Client(new AnonymousAuthenticationProvider());
        var token = await anonymous.Api.V1.Auth.Token.PostAsync(new TokenRequest { Username = "motcua.bacai", Password = AppFactory.DemoPassword }, cancellationToken: ct);
        Assert.False(string.IsNullOrEmpty(token?.AccessToken));
        var desk = Client(new BaseBearerTokenAuthenticationProvider(new Token(token!.AccessToken!)));

        var procedure = await desk.Api.V1.Procedures["2.000815"].GetAsync(cancellationToken: ct);
        var received = await desk.Api.V1.Dossiers.PostAsync(new ReceiveRequest
        {
            ProcedureCode = procedure!.Code,
            UnitCode = "56.BACAI",
            Channel = Channel.Direct,
            Applicant = new ApplicantInput { FullName = "Nguyễn Văn An", IdNumber = "058195000123", Phone = "0912345678", Address = "Thôn Suối Rua, xã Bác Ái" },
            Documents = [.. procedure.Documents!.Select(d => new DossiersDocumentInput { Name = d.Name, Kind = "original", Count = 1 })],
            IdempotencyKey = "generated-client-" + Guid.NewGuid().ToString("N"),
        }, cancellationToken: ct);
        Assert.StartsWith("56.BACAI", received!.Code, StringComparison.Ordinal);

        var acted = await desk.Api.V1.Dossiers[received.Code].Actions.PostAsync(new ActionRequest { Action = "forward", ToUnitCode = "56.BACAI" }, cancellationToken: ct);
        Assert.Equal(received.Code, acted!.Code);

        var tracked = await anonymous.Api.V1.Tracking[received.Code].GetAsync(c => c.QueryParameters.Verifier = "0123", ct);
        Assert.Equal(received.Code, tracked!.Code);
        Assert.False(string.IsNullOrEmpty(tracked.StatusLabel));
        Assert.DoesNotContain("Nguyễn Văn An", tracked.ApplicantName ?? "", StringComparison.Ordinal);

        // A refusal is the documented problem, typed, with the field and the Vietnamese message.
        var invalid = await Assert.ThrowsAsync<HttpValidationProblemDetails>(() => desk.Api.V1.Dossiers.PostAsync(new ReceiveRequest
        {
            ProcedureCode = procedure.Code,
            UnitCode = "56.BACAI",
            Channel = Channel.Postal,
            Applicant = new ApplicantInput { FullName = "Nguyễn Văn An", IdNumber = "058195000123" },
            Documents = [],
        }, cancellationToken: ct));
        Assert.Equal(400, invalid.ResponseStatusCode);
        Assert.Contains("postalTrackingNumber", invalid.Errors!.AdditionalData.Keys);
        var denied = await Assert.ThrowsAsync<ProblemDetails>(() => anonymous.Api.V1.Dossiers[received.Code].GetAsync(cancellationToken: ct));
        Assert.Equal(401, denied.ResponseStatusCode);
    }
}
