namespace MotCua.Web.Features.Signing;

public static class SigningSetup
{
    public static IHostApplicationBuilder AddSigning(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PdfSigner>();
        return builder;
    }
}
