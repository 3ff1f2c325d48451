namespace MotCua.Web.Features.Files;

public sealed record ScanVerdict(bool Clean, string? Reason = null);

/// <summary>The hook for a malware scanner (ClamAV, a cloud scanner…); the content is already type-checked.</summary>
public interface IUploadScanner
{
    Task<ScanVerdict> ScanAsync(Stream content, string contentType, CancellationToken ct);
}

/// <summary>The default: no scanner is configured, every type-checked upload is accepted.</summary>
public sealed class AcceptingScanner : IUploadScanner
{
    public Task<ScanVerdict> ScanAsync(Stream content, string contentType, CancellationToken ct) => Task.FromResult(new ScanVerdict(true));
}
