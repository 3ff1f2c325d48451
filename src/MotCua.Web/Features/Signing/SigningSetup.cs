namespace MotCua.Web.Features.Signing;

public static class SigningSetup
{
    public static IHostApplicationBuilder AddSigning(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SigningKeyProvider>();
        builder.Services.AddSingleton<PdfSigner>();
        builder.Services.AddSingleton<TrustAnchors>();
        builder.Services.AddSingleton<SignatureVerifier>();
        builder.Services.AddScoped<VerifyPdfSignatures>();
        // Time-stamp authority, OCSP responders and the remote signing service: short timeouts, a signature waits on them.
        builder.Services.AddHttpClient(SignatureVerifier.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(15));
        builder.Services.AddHttpClient<TimestampClient>(c => c.Timeout = TimeSpan.FromSeconds(30));
        builder.Services.AddSingleton(s => SigningKeyProvider.RemoteOptions(s.GetRequiredService<IConfiguration>()));
        builder.Services.AddHttpClient<HttpRemoteSigningService>(c => c.Timeout = Timeout.InfiniteTimeSpan);
        builder.Services.AddSingleton<FakeRemoteSigningService>();
        builder.Services.AddTransient<IRemoteSigningService>(s =>
            string.Equals(s.GetRequiredService<RemoteSigningOptions>().Provider, RemoteProviders.Fake, StringComparison.OrdinalIgnoreCase)
                ? s.GetRequiredService<FakeRemoteSigningService>()
                : s.GetRequiredService<HttpRemoteSigningService>());
        return builder;
    }
}
