using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Indicators;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Dossiers.Import;

/// <summary>One historical dossier as a line of the ndjson import (issue 7, item 3).</summary>
public sealed record ImportLine
{
    public string? Code { get; init; }
    public string? ProcedureCode { get; init; }
    public string? UnitCode { get; init; }
    public string? Channel { get; init; }
    public string? ReceivedAt { get; init; }
    public string? DueDate { get; init; }
    public string? FinishedAt { get; init; }
    public string? FinishKind { get; init; }
    public string? ReturnedAt { get; init; }
    public ImportPause[]? Pauses { get; init; }
    public int? SupplementRequests { get; init; }
    public long? FeeVnd { get; init; }
    public bool? PaidOnline { get; init; }
    public bool? Digitized { get; init; }
    public bool? ElectronicResult { get; init; }
    public int? ReusedDocuments { get; init; }
    public bool? RoutedElectronically { get; init; }
    public int? Rating { get; init; }
    public bool? Complaint { get; init; }
}

public sealed record ImportPause(string? From, string? To);

public sealed record ImportError(long Line, string Message);

public sealed record ImportResult(long Lines, long Imported, long AlreadyPresent, long Rejected, IReadOnlyList<ImportError> Errors);

/// <summary>
/// Streams ndjson dossiers into the database in batches: each batch is one transaction with its dossiers, an "imported" history
/// event each, their pauses and the sum of their aggregate increments, written with plain ADO.NET (SQLite: prepared single-row
/// statements; PostgreSQL: one statement over unnest arrays). Bad lines are reported by number and skipped; codes already
/// present are skipped (ON CONFLICT DO NOTHING), so a rerun after an interruption resumes after the last committed batch.
/// </summary>
public sealed partial class ImportDossiers(AppDbContext db, ILogger<ImportDossiers> logger, IConfiguration config)
{
    // 20,000 cut the aggregate upserts by a third (month and year rows once per batch) but the HTTP import of 10^6 then peaked at 1,021 MB RSS (issue 25.2).
    public const int DefaultBatchSize = 5000;
    // Bounds the import's share of RSS (issue 9: ≤ 500 MB); a date-ordered file touches few leaf pages per index at a time.
    private const int ImportCacheKiB = 32 * 1024;
    private const int MaxReportedErrors = 1000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        NumberHandling = JsonNumberHandling.Strict,
    };

    private sealed record Row(Dossier Dossier, DossierEvent Event);

    public async Task<ImportResult> RunAsync(TextReader reader, string note, CancellationToken ct, int batchSize = DefaultBatchSize)
    {
        var units = (await db.Units.AsNoTracking().Select(u => new { u.Id, u.Code, u.Path, u.ValidFrom }).ToListAsync(ct))
            .GroupBy(u => u.Code).Select(g => g.MaxBy(u => u.ValidFrom)!).ToDictionary(u => u.Code, u => (u.Id, u.Path), StringComparer.Ordinal);
        var procedures = (await db.Procedures.AsNoTracking().Select(p => new { p.Id, p.Code, p.Name, p.ValidFrom }).ToListAsync(ct))
            .GroupBy(p => p.Code).Select(g => g.MaxBy(p => p.ValidFrom)!).ToDictionary(p => p.Code, p => (p.Id, p.Name), StringComparer.Ordinal);
        // Test hook (0 in production): keeps each batch's transaction open this long before its commit, so that a kill test lands inside it.
        var holdOpen = TimeSpan.FromMilliseconds(Math.Max(0, config.GetValue("Import:HoldOpenBatchMs", 0)));
        var writer = new BatchWriter(db, logger, holdOpen);
        var parser = new Parser(units, procedures, note, batchSize);

        // One reader thread parses, checks and hashes batch N+1 while the writer commits batch N; at most three batches live at once.
        var batches = System.Threading.Channels.Channel.CreateBounded<List<Row>>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var produce = Task.CompletedTask;
        long imported = 0, present = 0;
        var sqlite = !db.Database.IsNpgsql();
        try
        {
            await db.Database.OpenConnectionAsync(ct);
            if (sqlite)
            {
                // Each batch touches index pages all over the dossier and aggregate B-trees; the default 2 MB cache re-reads them.
                await db.Database.ExecuteSqlRawAsync($"PRAGMA cache_size=-{ImportCacheKiB};", ct);
            }

            // Started only once the connection is ready, so that a failure before cannot leave it blocked on a full channel.
            produce = Task.Run(() => parser.RunAsync(reader, batches.Writer, stop.Token), CancellationToken.None);
            var total = Stopwatch.StartNew();
            await foreach (var batch in batches.Reader.ReadAllAsync(ct))
            {
                var added = await writer.WriteAsync(batch, ct);
                imported += added;
                present += batch.Count - added;
            }

            await produce;
            LogTimes(logger, writer.Batches, total.Elapsed.TotalSeconds, writer.Insert.TotalSeconds, writer.Aggregates.TotalSeconds, writer.AggregateRows, writer.Commit.TotalSeconds, writer.PeakHeapMb, writer.PeakCommittedMb);
        }
        catch
        {
            await stop.CancelAsync();
            await Task.WhenAny(produce);
            throw;
        }
        finally
        {
            if (sqlite)
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size=-2000;", CancellationToken.None);
            }

            await db.Database.CloseConnectionAsync();
        }

        return new ImportResult(parser.Lines, imported, present + parser.Repeated, parser.Rejected, parser.Errors);
    }

    // Markers a kill test reads from the log: between the two, the batch's rows are written and its transaction is open.
    [LoggerMessage(Level = LogLevel.Information, Message = "Import batch {Batch}: transaction open, {Rows} dossiers written, not committed")]
    private static partial void LogBatchOpen(ILogger logger, int batch, int rows);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import batch {Batch}: committed")]
    private static partial void LogBatchCommitted(ILogger logger, int batch);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import: {Batches} batches in {Total:F1} s; writer: rows {Insert:F1} s, {AggregateRows} aggregate upserts {Aggregates:F1} s, commits {Commit:F1} s (the rest waiting for the parser); GC heap after a batch up to {HeapMb} MB, committed {CommittedMb} MB")]
    private static partial void LogTimes(ILogger logger, int batches, double total, double insert, double aggregates, long aggregateRows, double commit, long heapMb, long committedMb);

    /// <summary>Reads, checks and builds the lines into batches of new dossiers with their "imported" event (no database access).</summary>
    private sealed class Parser(Dictionary<string, (int Id, string Path)> units, Dictionary<string, (int Id, string Name)> procedures, string note, int batchSize)
    {
        public long Lines { get; private set; }
        public long Repeated { get; private set; }
        public long Rejected { get; private set; }
        public List<ImportError> Errors { get; } = [];

        public async Task RunAsync(TextReader reader, ChannelWriter<List<Row>> output, CancellationToken ct)
        {
            var batch = new List<Row>(batchSize);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            try
            {
                while (await reader.ReadLineAsync(ct) is { } line)
                {
                    Lines++;
                    if (string.IsNullOrWhiteSpace(line))
                    {
                        continue;
                    }

                    ImportLine? row;
                    try
                    {
                        row = JsonSerializer.Deserialize<ImportLine>(line, Json);
                    }
                    catch (JsonException ex)
                    {
                        Reject("JSON không hợp lệ: " + ex.Message);
                        continue;
                    }

                    if (row is null)
                    {
                        Reject("Dòng rỗng.");
                        continue;
                    }

                    var error = Build(row, units.TryGetValue(row.UnitCode ?? "", out var u) ? u : null,
                        procedures.TryGetValue(row.ProcedureCode ?? "", out var p) ? p : null, out var dossier, out var at);
                    if (error is not null)
                    {
                        Reject(error);
                        continue;
                    }

                    if (!seen.Add(dossier!.Code))
                    {
                        Repeated++;
                        continue;
                    }

                    batch.Add(new Row(dossier, DossierHistory.Next(dossier, Actor.System, at, new("imported", null, note))));
                    if (batch.Count >= batchSize)
                    {
                        await output.WriteAsync(batch, ct);
                        batch = new List<Row>(batchSize);
                        seen.Clear();
                    }
                }

                if (batch.Count > 0)
                {
                    await output.WriteAsync(batch, ct);
                }

                output.Complete();
            }
            catch (Exception ex)
            {
                output.Complete(ex);
                throw;
            }
        }

        private void Reject(string message)
        {
            Rejected++;
            if (Errors.Count < MaxReportedErrors)
            {
                Errors.Add(new ImportError(Lines, message));
            }
        }
    }

    /// <summary>Writes one batch in one transaction and returns how many of its dossiers were new.</summary>
    private sealed class BatchWriter(AppDbContext db, ILogger logger, TimeSpan holdOpen)
    {
        private readonly BulkTable _dossiers = BulkTable.For<Dossier>(db.Model);
        private readonly BulkTable _events = BulkTable.For<DossierEvent>(db.Model, nameof(DossierEvent.DossierId));
        private readonly BulkTable _pauses = BulkTable.For<DossierPause>(db.Model, nameof(DossierPause.DossierId));

        public int Batches { get; private set; }
        public TimeSpan Insert { get; private set; }
        public TimeSpan Aggregates { get; private set; }
        public TimeSpan Commit { get; private set; }
        public long AggregateRows { get; private set; }
        public long PeakHeapMb { get; private set; }
        public long PeakCommittedMb { get; private set; }

        public async Task<int> WriteAsync(List<Row> batch, CancellationToken ct)
        {
            var t0 = Stopwatch.GetTimestamp();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var added = db.Database.IsNpgsql() ? await PostgresAsync(batch, tx, ct) : await SqliteAsync(batch, tx, ct);
            var t1 = Stopwatch.GetTimestamp();
            var delta = new AggregateContribution();
            foreach (var d in added)
            {
                delta.Add(d, AggregateContribution.OpenPauseSince(d), +1);
            }

            await delta.ApplyAsync(db, ct);
            LogBatchOpen(logger, Batches + 1, added.Count);
            if (holdOpen > TimeSpan.Zero)
            {
                await Task.Delay(holdOpen, ct);
            }

            var t2 = Stopwatch.GetTimestamp();
            await tx.CommitAsync(ct);
            LogBatchCommitted(logger, Batches + 1);
            Batches++;
            AggregateRows += delta.Count;
            Insert += Stopwatch.GetElapsedTime(t0, t1);
            Aggregates += Stopwatch.GetElapsedTime(t1, t2);
            Commit += Stopwatch.GetElapsedTime(t2);
            var gc = GC.GetGCMemoryInfo();
            PeakHeapMb = Math.Max(PeakHeapMb, gc.HeapSizeBytes >> 20);
            PeakCommittedMb = Math.Max(PeakCommittedMb, gc.TotalCommittedBytes >> 20);
            return added.Count;
        }

        /// <summary>
        /// Three set-wise statements over JSON rows: the dossiers in code order (ON CONFLICT DO NOTHING, RETURNING the new ids),
        /// then the events and pauses of those that were new.
        /// </summary>
        private async Task<List<Dossier>> SqliteAsync(List<Row> batch, IDbContextTransaction tx, CancellationToken ct)
        {
            var connection = db.Database.GetDbConnection();
            var transaction = tx.GetDbTransaction();
            // Code order: the unique code index takes the batch as runs of appends instead of inserts all over it.
            var ordered = batch.OrderBy(r => r.Dossier.Code, StringComparer.Ordinal).ToList();
            var ids = new Dictionary<string, long>(ordered.Count, StringComparer.Ordinal);
            await using (var cmd = connection.CreateCommand())
            {
                cmd.Transaction = transaction;
                cmd.CommandText = _dossiers.SqliteJsonInsertSql("rows", " ON CONFLICT (\"Code\") DO NOTHING RETURNING \"Id\", \"Code\"");
                AddJson(cmd, _dossiers.SqliteJson(ordered.Select(r => (object)r.Dossier)));
                await using var reader = await cmd.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    ids.Add(reader.GetString(1), reader.GetInt64(0));
                }
            }

            var added = ordered.Where(r => ids.ContainsKey(r.Dossier.Code)).ToList();
            if (added.Count == 0)
            {
                return [];
            }

            await ExecuteJsonAsync(_events.SqliteJsonInsertSql("rows", first: "DossierId"),
                _events.SqliteJson(added.Select(r => ((long?)ids[r.Dossier.Code], (object)r.Event))));
            var pauses = added.SelectMany(r => r.Dossier.Pauses.Select(p => ((long?)ids[r.Dossier.Code], (object)p))).ToList();
            if (pauses.Count > 0)
            {
                await ExecuteJsonAsync(_pauses.SqliteJsonInsertSql("rows", first: "DossierId"), _pauses.SqliteJson(pauses));
            }

            return added.Select(r => r.Dossier).ToList();

            async Task ExecuteJsonAsync(string sql, string json)
            {
                await using var cmd = connection.CreateCommand();
                cmd.Transaction = transaction;
                cmd.CommandText = sql;
                AddJson(cmd, json);
                await cmd.ExecuteNonQueryAsync(ct);
            }

            static void AddJson(System.Data.Common.DbCommand cmd, string json)
            {
                var p = cmd.CreateParameter();
                p.ParameterName = "@rows";
                p.Value = json;
                cmd.Parameters.Add(p);
            }
        }

        /// <summary>One statement: the dossiers from unnest arrays ON CONFLICT DO NOTHING, then the events and pauses of those inserted.</summary>
        private async Task<List<Dossier>> PostgresAsync(List<Row> batch, IDbContextTransaction tx, CancellationToken ct)
        {
            var pauses = batch.SelectMany(r => r.Dossier.Pauses.Select(p => (Code: r.Dossier.Code, Pause: p))).ToList();
            await using var cmd = (Npgsql.NpgsqlCommand)db.Database.GetDbConnection().CreateCommand();
            cmd.Transaction = (Npgsql.NpgsqlTransaction)tx.GetDbTransaction();
            cmd.Parameters.AddRange(_dossiers.PostgresArrays(batch.Select(r => r.Dossier).ToList(), "d"));
            cmd.Parameters.AddRange(_events.PostgresArrays(batch.Select(r => r.Event).ToList(), "e"));
            cmd.Parameters.AddRange(_pauses.PostgresArrays(pauses.Select(p => p.Pause).ToList(), "p"));
            cmd.Parameters.Add(new Npgsql.NpgsqlParameter("pc", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text) { Value = pauses.Select(p => p.Code).ToArray() });
            static string Args(BulkTable t, string prefix) => string.Join(", ", t.Columns.Select((_, i) => $"@{prefix}{i}"));
            cmd.CommandText = $"""
                WITH d AS (
                  INSERT INTO "{_dossiers.Name}" ({_dossiers.ColumnList()})
                  SELECT {_dossiers.ColumnList("x.")} FROM unnest({Args(_dossiers, "d")}) AS x({_dossiers.ColumnList()})
                  ON CONFLICT ("Code") DO NOTHING RETURNING "Id", "Code"),
                e AS (
                  INSERT INTO "{_events.Name}" ("DossierId", {_events.ColumnList()})
                  SELECT d."Id", {_events.ColumnList("x.")} FROM unnest({Args(_events, "e")}) AS x({_events.ColumnList()}) JOIN d ON d."Code" = x."DossierCode"),
                p AS (
                  INSERT INTO "{_pauses.Name}" ("DossierId", {_pauses.ColumnList()})
                  SELECT d."Id", {_pauses.ColumnList("x.")} FROM unnest(@pc, {Args(_pauses, "p")}) AS x("Code", {_pauses.ColumnList()}) JOIN d ON d."Code" = x."Code")
                SELECT "Code" FROM d
                """;
            var codes = new HashSet<string>(StringComparer.Ordinal);
            await using (var reader = await cmd.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    codes.Add(reader.GetString(0));
                }
            }

            return batch.Select(r => r.Dossier).Where(d => codes.Contains(d.Code)).ToList();
        }
    }

    /// <summary>Checks one line and builds its dossier; returns the reason in Vietnamese when the line is refused.</summary>
    internal static string? Build(ImportLine r, (int Id, string Path)? unit, (int Id, string Name)? procedure, out Dossier? dossier, out DateTime at)
    {
        dossier = null;
        at = default;
        if (string.IsNullOrWhiteSpace(r.Code) || r.Code.Length > 64)
        {
            return "Thiếu mã hồ sơ (code) hoặc dài quá 64 ký tự.";
        }

        if (unit is null)
        {
            return $"Không tìm thấy đơn vị '{r.UnitCode}'.";
        }

        if (procedure is null)
        {
            return $"Không tìm thấy thủ tục '{r.ProcedureCode}'.";
        }

        Channel channel;
        switch (r.Channel)
        {
            case "direct": channel = Channel.Direct; break;
            case "online": channel = Channel.Online; break;
            case "postal": channel = Channel.Postal; break;
            default: return $"Kênh '{r.Channel}' không hợp lệ (direct, online, postal).";
        }

        if (Instant(r.ReceivedAt) is not { } received)
        {
            return "Thiếu hoặc sai ngày tiếp nhận (receivedAt).";
        }

        DateOnly? due = null;
        if (r.DueDate is not null)
        {
            if (!DateOnly.TryParseExact(r.DueDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dd))
            {
                return "Sai hạn giải quyết (dueDate), cần YYYY-MM-DD.";
            }

            due = dd;
        }

        DateTime? finished = null, returned = null;
        if (r.FinishedAt is not null && (finished = Instant(r.FinishedAt)) is null)
        {
            return "Sai ngày kết thúc xử lý (finishedAt).";
        }

        if (r.ReturnedAt is not null && (returned = Instant(r.ReturnedAt)) is null)
        {
            return "Sai ngày trả kết quả (returnedAt).";
        }

        if (r.FinishKind is not (null or "approved" or "refused" or "stopped" or "withdrawn"))
        {
            return $"Kết quả '{r.FinishKind}' không hợp lệ (approved, refused, stopped, withdrawn).";
        }

        if ((r.FinishKind is null) != (finished is null))
        {
            return "finishedAt và finishKind phải cùng có hoặc cùng trống.";
        }

        var receivedOn = VietnamTime.LocalDate(received);
        if (finished is { } f && VietnamTime.LocalDate(f) < receivedOn)
        {
            return "Ngày kết thúc trước ngày tiếp nhận.";
        }

        if (due is { } dueDate && dueDate < receivedOn)
        {
            return "Hạn giải quyết trước ngày tiếp nhận.";
        }

        if (r.Rating is < 1 or > 5)
        {
            return "Đánh giá (rating) phải từ 1 đến 5.";
        }

        if (r.SupplementRequests is < 0 || r.ReusedDocuments is < 0 || r.FeeVnd is < 0)
        {
            return "Số lần bổ sung, số giấy tờ tái sử dụng và lệ phí không được âm.";
        }

        List<DossierPause> pauses = [];
        foreach (var p in r.Pauses ?? [])
        {
            if (!DateOnly.TryParseExact(p.From, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var pf)
                || (p.To is not null && !DateOnly.TryParseExact(p.To, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)))
            {
                return "Sai khoảng tạm dừng (pauses: from/to YYYY-MM-DD).";
            }

            pauses.Add(new DossierPause { Reason = "imported", From = pf, To = p.To is null ? null : DateOnly.ParseExact(p.To, "yyyy-MM-dd", CultureInfo.InvariantCulture) });
        }

        var open = r.FinishKind is null && pauses.Any(p => p.To is null);
        var status = r.FinishKind switch
        {
            "approved" => returned is null ? DossierStatus.ResultReady : DossierStatus.Returned,
            "refused" => DossierStatus.Refused,
            "stopped" => DossierStatus.Stopped,
            "withdrawn" => DossierStatus.Withdrawn,
            _ => open ? DossierStatus.AwaitingSupplement : DossierStatus.InProcess,
        };
        at = finished ?? received;
        dossier = new Dossier
        {
            Code = r.Code.Trim(),
            ProcedureId = procedure.Value.Id,
            ProcedureCode = r.ProcedureCode!,
            ProcedureName = procedure.Value.Name,
            ReceivingUnitId = unit.Value.Id,
            ReceivingUnitPath = unit.Value.Path,
            CurrentUnitId = unit.Value.Id,
            CurrentUnitPath = unit.Value.Path,
            Channel = channel,
            Status = status,
            PausedFrom = open ? DossierStatus.InProcess : null,
            Applicant = new Applicant { FullName = "(hồ sơ nhập từ dữ liệu lịch sử)" },
            ReceivedAtUtc = received,
            ReceivedOn = receivedOn,
            LegalDueDate = due,
            AppointmentDate = due,
            SupplementRequests = r.SupplementRequests ?? 0,
            CountedLate = r.SupplementRequests > 1,
            FinishKind = r.FinishKind,
            FinishedAtUtc = finished,
            FinishedOn = finished is { } fin ? VietnamTime.LocalDate(fin) : null,
            ReturnedOn = returned is { } ret ? VietnamTime.LocalDate(ret) : null,
            FeeVnd = r.FeeVnd ?? 0,
            PaidOnline = r.PaidOnline ?? false,
            Digitized = r.Digitized ?? false,
            ElectronicResult = r.ElectronicResult ?? false,
            ReusedDocuments = r.ReusedDocuments ?? 0,
            // No default of true (ADR 0009): a line that does not say how it was routed counts as never transferred, outside the rate.
            RoutedElectronically = r.RoutedElectronically,
            Rating = r.Rating,
            Complaint = r.Complaint ?? false,
            Pauses = pauses,
        };
        return null;
    }

    /// <summary>An ISO instant with offset, or a bare local date (taken as 08:00 in Vietnam).</summary>
    private static DateTime? Instant(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return TimeZoneInfo.ConvertTimeToUtc(d.ToDateTime(new TimeOnly(8, 0)), VietnamTime.Zone);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var o) && o.Year is >= 1990 and <= 2100
            ? o.UtcDateTime
            : null;
    }
}
