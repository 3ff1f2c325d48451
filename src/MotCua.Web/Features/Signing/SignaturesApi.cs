using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Signing;

/// <summary>
/// Verification of signed PDFs for anyone, without an account (issue 23.4); the /Verify page answers the same. The form is
/// read by the handler, so no antiforgery applies: the call stores nothing and answers only what the file itself says.
/// </summary>
public static class SignaturesApi
{
    public static IEndpointRouteBuilder MapSignaturesApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/signatures/verify", Verify)
            .Doc("verifyPdfSignatures", "Kiểm tra chữ ký số của tệp PDF",
                "Verifies every signature of an uploaded PDF (multipart field 'file'): signer, signing and time-stamp time, integrity, whole-document coverage, trust and revocation, and whether the system issued the file.")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithTags("Signatures").AllowAnonymous();
        return app;
    }

    private static async Task<Results<Ok<VerificationReport>, ProblemHttpResult>> Verify(
        HttpRequest request, VerifyPdfSignatures verify, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return TypedResults.Problem(t["Gửi tệp PDF trong trường 'file' của biểu mẫu multipart/form-data."], statusCode: StatusCodes.Status400BadRequest,
                title: t["Yêu cầu không hợp lệ"]);
        }

        IFormFile? file;
        try
        {
            file = (await request.ReadFormAsync(ct)).Files.GetFile("file");
        }
        catch (InvalidDataException)
        {
            return TypedResults.Problem(t["Nội dung gửi lên không phải biểu mẫu multipart hợp lệ."], statusCode: StatusCodes.Status400BadRequest,
                title: t["Yêu cầu không hợp lệ"]);
        }

        var (bytes, tooLarge) = await VerifyPdfSignatures.ReadAsync(file, ct);
        if (tooLarge)
        {
            return TypedResults.Problem(t["Tệp lớn hơn {0} MB, không kiểm tra được.", VerifyPdfSignatures.MaxBytes / 1024 / 1024].Value,
                statusCode: StatusCodes.Status413PayloadTooLarge, title: t["Tệp quá lớn"]);
        }

        return await verify.HandleAsync(bytes, ct) switch
        {
            VerifyPdfSignatures.Verified(var report) => TypedResults.Ok(report),
            VerifyPdfSignatures.Invalid(var message) => TypedResults.Problem(message, statusCode: StatusCodes.Status400BadRequest, title: t["Không kiểm tra được tệp"]),
            VerifyPdfSignatures.NotSigned(var message, _) => TypedResults.Problem(message, statusCode: StatusCodes.Status422UnprocessableEntity, title: t["Tệp không có chữ ký số"]),
            _ => throw new InvalidOperationException(),
        };
    }
}
