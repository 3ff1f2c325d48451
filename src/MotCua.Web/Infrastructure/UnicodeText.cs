using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace MotCua.Web.Infrastructure;

/// <summary>
/// Text enters in one Unicode form: NFC (precomposed), the form Vietnamese keyboards and the national databases use.
/// "Unicode tổ hợp" input (a base letter and combining marks, NFD) would otherwise be stored as a different string for
/// the same name, so comparisons, searches and de-duplication would miss it. JSON strings are normalised while they are
/// read (<see cref="BoundedStringConverter"/>), form fields by <see cref="UseNfcForms"/>, uploaded file names where they
/// are made safe; query strings, CSV/ndjson imports and file contents are left as sent. Zero-width characters and emoji
/// are kept: they are valid text and NFC does not touch them.
/// </summary>
public static class UnicodeText
{
    public static string Nfc(string value)
    {
        try
        {
            return value.IsNormalized(NormalizationForm.FormC) ? value : value.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            // Unpaired surrogates cannot be normalised; the length and content checks downstream decide about them.
            return value;
        }
    }

    /// <summary>Replaces the request's form by its NFC copy when a field is not in NFC; pages and endpoints then bind the copy.</summary>
    public static IApplicationBuilder UseNfcForms(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        if (ctx.Request.HasFormContentType && ctx.GetEndpoint() is { } endpoint)
        {
            // Read with the endpoint's own form limits (e.g. the portal's multipart submission), as the endpoint itself would.
            if (endpoint.Metadata.GetMetadata<IFormOptionsMetadata>() is { } limits && ctx.Features.Get<IFormFeature>()?.Form is null)
            {
                ctx.Features.Set<IFormFeature>(new FormFeature(ctx.Request, Merge(ctx.RequestServices.GetRequiredService<IOptions<FormOptions>>().Value, limits)));
            }

            IFormCollection? form = null;
            try
            {
                form = await ctx.Request.ReadFormAsync(ctx.RequestAborted);
            }
            catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
            {
                // A malformed or oversize form: the endpoint reads it again, gets the same error and answers as it always did.
            }

            if (form is not null && form.Any(f => f.Value.Any(v => v is not null && Nfc(v) != v)))
            {
                ctx.Request.Form = new FormCollection(
                    form.ToDictionary(f => f.Key, f => new StringValues([.. f.Value.Select(v => v is null ? null : Nfc(v))]), StringComparer.OrdinalIgnoreCase), form.Files);
            }
        }

        await next(ctx);
    });

    private static FormOptions Merge(FormOptions d, IFormOptionsMetadata m) => new()
    {
        BufferBody = m.BufferBody ?? d.BufferBody,
        MemoryBufferThreshold = m.MemoryBufferThreshold ?? d.MemoryBufferThreshold,
        BufferBodyLengthLimit = m.BufferBodyLengthLimit ?? d.BufferBodyLengthLimit,
        ValueCountLimit = m.ValueCountLimit ?? d.ValueCountLimit,
        KeyLengthLimit = m.KeyLengthLimit ?? d.KeyLengthLimit,
        ValueLengthLimit = m.ValueLengthLimit ?? d.ValueLengthLimit,
        MultipartBoundaryLengthLimit = m.MultipartBoundaryLengthLimit ?? d.MultipartBoundaryLengthLimit,
        MultipartHeadersCountLimit = m.MultipartHeadersCountLimit ?? d.MultipartHeadersCountLimit,
        MultipartHeadersLengthLimit = m.MultipartHeadersLengthLimit ?? d.MultipartHeadersLengthLimit,
        MultipartBodyLengthLimit = m.MultipartBodyLengthLimit ?? d.MultipartBodyLengthLimit,
    };
}
