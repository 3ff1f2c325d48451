using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Dossiers;

/// <summary>The head of one dossier's chain as a checkpoint recorded it.</summary>
public sealed record AnchoredHead(string Code, long Sequence, string Hash);

/// <summary>What the anchor file says: the latest anchored head per dossier, and the first problem found in the file itself.</summary>
public sealed record AnchorSnapshot(string File, int Checkpoints, DateTime? LatestUtc, string? Problem, IReadOnlyDictionary<string, AnchoredHead> Heads)
{
    public static AnchorSnapshot None(string file) => new(file, 0, null, null, new Dictionary<string, AnchoredHead>());
}

/// <summary>
/// Chain heads anchored outside the database: each pass appends signed checkpoints (dossier code, last sequence, last hash) to
/// an append-only file (<c>History:AnchorFile</c>, default <c>history-anchors.jsonl</c> in the data folder). A line is
/// <c>{"checkpoint":{…},"cert":thumbprint,"sig":base64}</c>: an RSA-SHA256 signature by the data-protection certificate
/// (configured, never in the database) over the checkpoint's exact text, which also carries the SHA-256 of the line before it.
/// Someone who rewrites a whole chain and its head in the database cannot rewrite the anchor to match.
/// </summary>
public sealed class HistoryAnchors(IConfiguration config, IWebHostEnvironment env, KeyCertificates keys, IServiceScopeFactory scopes, TimeProvider time)
{
    public const string JobName = "history-anchors";

    /// <summary>Heads per line: a first pass over a large database writes several lines rather than one huge one.</summary>
    public const int HeadsPerLine = 5_000;

    private const int ReadBatch = 20_000;

    /// <summary>
    /// How far behind the last checkpoint's end a pass re-reads (event ids): an id allotted before that read and committed
    /// after it (PostgreSQL) is at most a few in-flight transactions behind, so the last pass's whole window (all events, after a
    /// first pass) is not needed.
    /// </summary>
    public const int LateEvents = ReadBatch;

    private readonly int _readBatch = Math.Max(1, config.GetValue("History:AnchorReadBatch", ReadBatch));
    private readonly int _headsPerLine = Math.Max(1, config.GetValue("History:AnchorHeadsPerLine", HeadsPerLine));
    private readonly long _lateEvents = Math.Max(0, config.GetValue("History:AnchorLateEvents", LateEvents));

    public string FilePath { get; } = Path.GetFullPath(
        config["History:AnchorFile"] is { Length: > 0 } f ? f : Path.Combine(DataFolder.Resolve(config, env.ContentRootPath), "history-anchors.jsonl"));

    private sealed record Checkpoint(int V, DateTime At, long After, long UpTo, string Prev, List<JsonElement> Heads);

    /// <summary>
    /// Appends the heads of every dossier whose history grew since the previous pass; returns how many heads were written.
    /// Events are found by id: the window re-reads the previous pass's window too (at most its last <see cref="LateEvents"/>
    /// ids), so an event whose transaction committed after that pass had read past its id (PostgreSQL allots ids before
    /// commit) is still anchored. A head re-read there that a line other than the last one anchored is written again: harmless.
    /// </summary>
    public async Task<int> WriteCheckpointAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        await using var file = await OpenExclusiveAsync(ct);
        var last = ReadLastLine(file);
        Checkpoint? previous;
        try
        {
            previous = last is null ? null : Parse(last);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidOperationException($"{FilePath}: the last line is not a checkpoint (a torn write?). Keep the file for the record, move it aside and start a new one.", ex);
        }

        var previousHeads = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var h in previous?.Heads ?? [])
        {
            previousHeads[h[0].GetString()!] = h[1].GetInt64();
        }

        // Resume from the last checkpoint: re-reading its whole window read every event again after a first pass, at each start.
        var from = previous is null ? 0 : Math.Max(previous.After, previous.UpTo - _lateEvents);
        var heads = new Dictionary<string, (long Sequence, string Hash)>(StringComparer.Ordinal);
        var upTo = previous?.UpTo ?? 0;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var cursor = from;
            while (true)
            {
                var batch = await db.DossierEvents.AsNoTracking().Where(e => e.Id > cursor).OrderBy(e => e.Id).Take(_readBatch)
                    .Select(e => new { e.Id, e.DossierCode, e.Sequence, e.Hash }).ToListAsync(ct);
                foreach (var e in batch)
                {
                    if (!heads.TryGetValue(e.DossierCode, out var h) || h.Sequence < e.Sequence)
                    {
                        heads[e.DossierCode] = (e.Sequence, e.Hash);
                    }
                }

                // The last id read, from the last full batch too: when the events fill whole batches the final one is empty.
                if (batch.Count > 0)
                {
                    upTo = Math.Max(upTo, batch[^1].Id);
                }

                if (batch.Count < _readBatch)
                {
                    break;
                }

                cursor = batch[^1].Id;
            }
        }

        var fresh = heads.Where(h => !previousHeads.TryGetValue(h.Key, out var seq) || seq < h.Value.Sequence)
            .OrderBy(h => h.Key, StringComparer.Ordinal).ToList();
        if (fresh.Count == 0)
        {
            return 0;
        }

        var prevHash = last is null ? "" : Sha256(last);
        var after = previous?.UpTo ?? 0;
        var now = time.GetUtcNow().UtcDateTime;
        var text = new StringBuilder();
        foreach (var chunk in fresh.Chunk(_headsPerLine))
        {
            var line = SignedLine(new Checkpoint(1, now, after, upTo, prevHash, []), chunk.Select(h => (h.Key, h.Value.Sequence, h.Value.Hash)));
            text.Append(line).Append('\n');
            prevHash = Sha256(line);
        }

        file.Seek(0, SeekOrigin.End);
        await file.WriteAsync(Encoding.UTF8.GetBytes(text.ToString()), ct);
        // The anchor is worth something only once it is on disk.
        file.Flush(flushToDisk: true);
        return fresh.Count;
    }

    /// <summary>Reads and checks the whole file: every signature, every link to the line before; stops at the first bad line.</summary>
    public async Task<AnchorSnapshot> ReadAsync(string? code, CancellationToken ct)
    {
        if (!File.Exists(FilePath))
        {
            return AnchorSnapshot.None(FilePath);
        }

        var heads = new Dictionary<string, AnchoredHead>(StringComparer.Ordinal);
        var certificates = keys.All.ToDictionary(c => c.Thumbprint, StringComparer.OrdinalIgnoreCase);
        var prevHash = "";
        var lines = 0;
        DateTime? latest = null;
        using var reader = new StreamReader(await OpenAsync(FileMode.Open, FileAccess.Read, FileShare.ReadWrite, ct), Encoding.UTF8);
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            lines++;
            var problem = Check(line, prevHash, certificates, out var checkpoint);
            if (problem is not null)
            {
                return new(FilePath, lines - 1, latest, string.Format(CultureInfo.InvariantCulture, "line {0}: {1}", lines, problem), heads);
            }

            foreach (var h in checkpoint!.Heads)
            {
                var c = h[0].GetString()!;
                var seq = h[1].GetInt64();
                if ((code is null || c == code) && (!heads.TryGetValue(c, out var known) || known.Sequence < seq))
                {
                    heads[c] = new AnchoredHead(c, seq, h[2].GetString()!);
                }
            }

            latest = checkpoint.At;
            prevHash = Sha256(line);
        }

        return new(FilePath, lines, latest, null, heads);
    }

    private string SignedLine(Checkpoint c, IEnumerable<(string Code, long Sequence, string Hash)> heads)
    {
        var body = new StringBuilder(256);
        body.Append("{\"v\":").Append(c.V.ToString(CultureInfo.InvariantCulture))
            .Append(",\"at\":").Append(JsonSerializer.Serialize(c.At.ToString("O", CultureInfo.InvariantCulture)))
            .Append(",\"after\":").Append(c.After.ToString(CultureInfo.InvariantCulture))
            .Append(",\"upTo\":").Append(c.UpTo.ToString(CultureInfo.InvariantCulture))
            .Append(",\"prev\":").Append(JsonSerializer.Serialize(c.Prev))
            .Append(",\"heads\":[");
        var first = true;
        foreach (var (code, seq, hash) in heads)
        {
            body.Append(first ? "" : ",").Append('[').Append(JsonSerializer.Serialize(code)).Append(',')
                .Append(seq.ToString(CultureInfo.InvariantCulture)).Append(',').Append(JsonSerializer.Serialize(hash)).Append(']');
            first = false;
        }

        body.Append("]}");
        var text = body.ToString();
        using var rsa = keys.Current.GetRSAPrivateKey()!;
        var sig = rsa.SignData(Encoding.UTF8.GetBytes(text), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{{\"checkpoint\":{text},\"cert\":\"{keys.Current.Thumbprint}\",\"sig\":\"{Convert.ToBase64String(sig)}\"}}";
    }

    private static string? Check(string line, string prevHash, Dictionary<string, X509Certificate2> certificates, out Checkpoint? checkpoint)
    {
        checkpoint = null;
        try
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var text = root.GetProperty("checkpoint").GetRawText();
            var thumbprint = root.GetProperty("cert").GetString() ?? "";
            if (!certificates.TryGetValue(thumbprint, out var cert))
            {
                return $"signed by certificate {thumbprint}, which is not configured (DataProtection:CertificatePath or PreviousCertificates)";
            }

            using var rsa = cert.GetRSAPublicKey()!;
            if (!rsa.VerifyData(Encoding.UTF8.GetBytes(text), Convert.FromBase64String(root.GetProperty("sig").GetString() ?? ""), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
            {
                return "signature does not match";
            }

            checkpoint = Parse(line);
            return checkpoint.Prev == prevHash ? null : "does not follow the line before it (a line was removed, changed or moved)";
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return "not a checkpoint line";
        }
    }

    private static Checkpoint Parse(string line)
    {
        using var doc = JsonDocument.Parse(line);
        var c = doc.RootElement.GetProperty("checkpoint");
        return new Checkpoint(
            c.GetProperty("v").GetInt32(),
            DateTime.Parse(c.GetProperty("at").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            c.GetProperty("after").GetInt64(),
            c.GetProperty("upTo").GetInt64(),
            c.GetProperty("prev").GetString()!,
            [.. c.GetProperty("heads").EnumerateArray().Select(h => h.Clone())]);
    }

    private static string Sha256(string line) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(line)));

    /// <summary>Instances sharing the file take turns: the lock spans reading the last line and appending.</summary>
    private Task<FileStream> OpenExclusiveAsync(CancellationToken ct) => OpenAsync(FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, ct);

    /// <summary>A pass holds the file's lock for a moment (readers included, on Unix the lock is a flock): wait for it.</summary>
    private async Task<FileStream> OpenAsync(FileMode mode, FileAccess access, FileShare share, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return new FileStream(FilePath, mode, access, share);
            }
            catch (IOException) when (attempt < 50)
            {
                await Task.Delay(100, ct);
            }
        }
    }

    /// <summary>The last non-empty line, read backwards from the end: the file grows for years, the pass reads a few KB.</summary>
    private static string? ReadLastLine(FileStream file)
    {
        var length = file.Length;
        if (length == 0)
        {
            return null;
        }

        var end = length;
        var chunk = new byte[64 * 1024];
        var pos = length;
        while (pos > 0)
        {
            var size = (int)Math.Min(chunk.Length, pos);
            pos -= size;
            file.Seek(pos, SeekOrigin.Begin);
            file.ReadExactly(chunk, 0, size);
            for (var i = size - 1; i >= 0; i--)
            {
                if (chunk[i] != (byte)'\n')
                {
                    continue;
                }

                var at = pos + i;
                if (at == end - 1)
                {
                    end = at; // the trailing newline of the last line
                    continue;
                }

                return Decode(file, at + 1, end);
            }
        }

        return Decode(file, 0, end);
    }

    private static string? Decode(FileStream file, long start, long end)
    {
        if (end <= start)
        {
            return null;
        }

        var bytes = new byte[end - start];
        file.Seek(start, SeekOrigin.Begin);
        file.ReadExactly(bytes);
        return Encoding.UTF8.GetString(bytes);
    }
}
