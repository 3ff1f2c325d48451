namespace MotCua.Web.Features.Forms;

public static class FormsSetup
{
    /// <summary>Reads <c>Forms:FontFolder</c> (default <see cref="NotoSansFontResolver.DefaultFolder"/>).</summary>
    public static WebApplicationBuilder AddForms(this WebApplicationBuilder builder)
    {
        FormPdf.FontFolder = builder.Configuration["Forms:FontFolder"] ?? NotoSansFontResolver.DefaultFolder;
        return builder;
    }
}
