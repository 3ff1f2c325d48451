using System.Security.Cryptography;

namespace MotCua.Web.Features.Files;

public sealed record StoredBlob(string Sha256, long Size);

/// <summary>Content-addressed file bytes: the same content is stored once, under its SHA-256.</summary>
public interface IFileStore
{
    Task<StoredBlob> SaveAsync(Stream content, CancellationToken ct);

    /// <summary>The file's bytes, or null when no file has that hash.</summary>
    Stream? Open(string sha256);
}

/// <summary>Files under <c>Files:Folder</c> (default <c>data/files</c> beside the content root, never under wwwroot), as <c>ab/abcdef…</c>.</summary>
public sealed class DiskFileStore : IFileStore
{
    private readonly string _root;

    public DiskFileStore(IConfiguration config, IWebHostEnvironment env)
    {
        var folder = config["Files:Folder"] ?? Path.Combine("data", "files");
        _root = Path.GetFullPath(Path.Combine(env.ContentRootPath, folder));
    }

    public async Task<StoredBlob> SaveAsync(Stream content, CancellationToken ct)
    {
        Directory.CreateDirectory(_root);
        var temp = Path.Combine(_root, "tmp-" + Guid.NewGuid().ToString("N"));
        string sha;
        long size;
        await using (var file = File.Create(temp))
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81920];
            int read;
            while ((read = await content.ReadAsync(buffer, ct)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), ct);
            }

            size = file.Length;
            sha = Convert.ToHexStringLower(hash.GetHashAndReset());
        }

        var target = PathOf(sha);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (File.Exists(target))
        {
            File.Delete(temp);
        }
        else
        {
            File.Move(temp, target);
        }

        return new StoredBlob(sha, size);
    }

    public Stream? Open(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(Uri.IsHexDigit))
        {
            return null;
        }

        var path = PathOf(sha256.ToLowerInvariant());
        return File.Exists(path) ? File.OpenRead(path) : null;
    }

    private string PathOf(string sha) => Path.Combine(_root, sha[..2], sha);
}
