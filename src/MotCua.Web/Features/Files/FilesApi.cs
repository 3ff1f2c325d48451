using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Files;

public sealed record UploadResponse(string FileId, string FileName, string ContentType, long Size);

public static class FilesApi
{
    public static IHostApplicationBuilder AddFiles(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IFileStore, DiskFileStore>();
        builder.Services.TryAddSingleton<IUploadScanner, AcceptingScanner>();
        builder.Services.AddScoped<SaveUpload>();
        builder.Services.AddSingleton<SignedFileLinks>();
        return builder;
    }

    public static RouteGroupBuilder MapFilesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/files").WithTags("Files").RequireAuthorization();
        // Bearer-token clients need no antiforgery token, a caller signed in by cookie does; the portal's pages post through their own forms.
        group.MapPost("/", Upload).Doc("uploadFile", "Tải tệp lên", "Uploads a file (PDF, JPEG, PNG) to attach to a dossier.").DisableAntiforgery().RequireAntiforgeryForCookies().AllowClients(ClientScope.DossiersWrite);
        // 32-hex ids; the reform plan's content-addressed downloads share the prefix with 64-hex hashes.
        group.MapGet("/{id:length(32)}", Download).Doc("downloadFile", "Tải tệp về", "Downloads an uploaded or signed file the caller may read.").ProducesFile("application/pdf", "image/jpeg", "image/png");
        // A signed, time-limited link handed to a system without an account (the national portal); 404 once expired.
        group.MapGet("/public/{token}", DownloadSigned).AllowAnonymous().ExcludeFromDescription();
        return group;
    }

    private static async Task<Results<Created<UploadResponse>, ProblemHttpResult>> Upload(
        HttpRequest request, SaveUpload save, AppDbContext db, ClaimsPrincipal user, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return TypedResults.Problem(t["Gửi tệp dạng multipart/form-data, trường 'file'."], statusCode: StatusCodes.Status400BadRequest);
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
        {
            return TypedResults.Problem(t["Tệp lớn hơn giới hạn {0} MB.", save.MaxBytes / 1024 / 1024], statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        switch (await save.CheckAndStoreAsync(form.Files.GetFile("file"), user.FindFirstValue(ClaimTypes.NameIdentifier)!, ct))
        {
            case SaveUpload.Saved(var f):
                await db.SaveChangesAsync(ct);
                return TypedResults.Created($"/api/v1/files/{f.Id}", new UploadResponse(f.Id, f.FileName, f.ContentType, f.Size));
            case SaveUpload.Rejected(var message, var status):
                return TypedResults.Problem(message, statusCode: status);
            default:
                throw new InvalidOperationException();
        }
    }

    private static async Task<Results<FileStreamHttpResult, NotFound>> Download(
        string id, AppDbContext db, [FromServices] IEnumerable<IFileReadGrant> grants, IFileStore store, ClaimsPrincipal user, CancellationToken ct)
    {
        var file = await FindReadableAsync(db, grants, id, user, ct);
        if (file is null || store.Open(file.Sha256) is not { } stream)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.File(stream, file.ContentType, file.FileName);
    }

    private static async Task<Results<FileStreamHttpResult, NotFound>> DownloadSigned(
        string token, SignedFileLinks links, AppDbContext db, IFileStore store, CancellationToken ct)
    {
        var id = links.Open(token);
        var file = id is null ? null : await db.UploadedFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct);
        if (file is null || store.Open(file.Sha256) is not { } stream)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.File(stream, file.ContentType, file.FileName);
    }

    /// <summary>
    /// The uploader, or whoever a feature's <see cref="IFileReadGrant"/> lets in (staff who can see a dossier that carries
    /// the file, the applicant whose store holds it); anyone else gets the same 404 as a missing id.
    /// </summary>
    public static async Task<UploadedFile?> FindReadableAsync(AppDbContext db, IEnumerable<IFileReadGrant> grants, string id, ClaimsPrincipal user, CancellationToken ct)
    {
        if (id.Length != 32)
        {
            return null;
        }

        var file = await db.UploadedFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct);
        if (file is null)
        {
            return null;
        }

        if (file.OwnerUserId == user.FindFirstValue(ClaimTypes.NameIdentifier))
        {
            return file;
        }

        foreach (var grant in grants)
        {
            if (await grant.AllowsAsync(user, id, ct))
            {
                return file;
            }
        }

        return null;
    }
}

/// <summary>Lets someone other than the uploader read an upload; each feature that passes files on answers for its own.</summary>
public interface IFileReadGrant
{
    Task<bool> AllowsAsync(ClaimsPrincipal user, string fileId, CancellationToken ct);
}
