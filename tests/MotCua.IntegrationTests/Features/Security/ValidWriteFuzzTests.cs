using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MotCua.IntegrationTests.Features.Dossiers;
using MotCua.Web.Features.Dossiers;
using static MotCua.IntegrationTests.Features.Security.BoundaryText;

namespace MotCua.IntegrationTests.Features.Security;

/// <summary>
/// Beside the 10,000 bad requests of <see cref="FuzzTests"/>: generated boundary-valid writes by the principals allowed to
/// make them (maximum lengths, NFC and NFD Vietnamese, zero-width characters, emoji, the largest documents list), each
/// between two snapshots of every table: the write must change exactly the rows it is meant to and nothing else, and the
/// stored text must be the NFC form of what was sent (the product normalises at the boundary, <c>UnicodeText</c>).
/// </summary>
public sealed class ValidWriteFuzzTests(SecurityApp app) : IClassFixture<SecurityApp>
{
    public const int Seed = 20_261_127;
    public const int Rounds = 5;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Boundary_valid_writes_change_exactly_the_intended_rows_and_store_the_text_in_nfc()
    {
        var random = new Random(Seed);
        var desk = await app.As(Principals.Desk);
        var citizen = await app.As(Principals.Citizen);
        var specialist = await app.As(Principals.Specialist);
        var procedure = await DossierApi.ProcedureAsync(desk, DossierApi.Certification);
        var procedureDocs = procedure.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("name").GetString()!).ToArray();
        var failures = new List<string>();
        var writes = 0;
        var reportPeriod = 0;

        Func<Form, Task<Func<List<TableSnapshot.Change>, IEnumerable<string>>>>[] kinds =
        [
            Intake, Act, DraftCreate, DraftUpdate, Feedback, ReformReport,
        ];

        TableSnapshot? before = null;
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var kind in kinds)
            {
                var form = random.Next(2) == 0 ? Form.Nfc : Form.Nfd;
                var label = $"round {round} {kind.Method.Name.Split('|')[0].Split('_')[^1]} ({form})";
                before = null;
                var check = await kind(form);
                var changes = (await app.SnapshotAsync()).Since(before ?? throw new InvalidOperationException(label + " took no snapshot"));
                writes++;
                foreach (var f in check(changes))
                {
                    failures.Add($"{label}: {f}\n    changes: " + string.Join(", ", changes.GroupBy(c => c.Table)
                        .Select(g => $"{g.Key} +{g.Count(c => c.Added)} ~{g.Count(c => c is { Added: false, Removed: false })} -{g.Count(c => c.Removed)}")));
                }
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{writes} boundary-valid writes, seed {Seed}: {failures.Count} disagreements");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(40)));

        // A desk intake: applicant at maximum lengths, the procedure's documents named in the chosen form, extra documents up to MaxDocuments.
        async Task<Func<List<TableSnapshot.Change>, IEnumerable<string>>> Intake(Form form)
        {
            var name = Make(random, 200, form == Form.Nfd ? Form.Nfc : form);
            name = form == Form.Nfd ? name.Normalize(NormalizationForm.FormD) : name;
            var address = Make(random, 500, form);
            var count = random.Next(3) == 0 ? ReceiveDossier.MaxDocuments : random.Next(procedureDocs.Length, 12);
            var docs = procedureDocs.Select(d => form == Form.Nfd ? d.Normalize(NormalizationForm.FormD) : d)
                .Concat(Enumerable.Range(0, count - procedureDocs.Length).Select(_ => Make(random, random.Next(2) == 0 ? 1000 : random.Next(1, 1000), form)))
                .ToArray();
            before = await app.SnapshotAsync();
            using var response = await desk.PostAsJsonAsync("/api/v1/dossiers", new
            {
                procedureCode = DossierApi.Certification,
                unitCode = "584.MC",
                channel = "direct",
                applicant = new { fullName = name, idNumber = "058090001234", phone = "0912345678", address },
                documents = docs.Select(d => new { name = d, kind = "original", count = 1 }),
            }, Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            return changes =>
            {
                if (!response.IsSuccessStatusCode)
                {
                    return [$"{(int)response.StatusCode} {body[..Math.Min(300, body.Length)]}"];
                }

                var code = JsonDocument.Parse(body).RootElement.GetProperty("code").GetString()!;
                var e = new Expect(changes);
                var dossier = e.AddedOne("Dossiers", r => r["Code"] == code);
                var id = dossier?["Id"];
                e.Equal(dossier, "ApplicantName", Nfc(name));
                e.Equal(dossier, "ApplicantAddress", Nfc(address));
                // The procedure's own documents are tokens of Dossiers.Components (issue 25 item 5); the extra ones are rows.
                e.AddedNames("DossierDocuments", r => r["DossierId"] == id, "Name", docs.Skip(procedureDocs.Length).Select(Nfc));
                e.Added("DossierSteps", r => r["DossierId"] == id, procedure.GetProperty("steps").GetArrayLength());
                e.AddedOne("DossierEvents", r => r["DossierId"] == id && r["Action"] == "receive");
                e.TouchedOne("DossierCounters");
                // Explicitly: on the receiving unit, for the procedure and for all procedures, by day, month and year, the
                // dossier counts as received, fee-bearing (the procedure has a fee), open and on time from today; it leaves
                // "on time" the day after its due date.
                var received = DateOnly.Parse(dossier?["ReceivedOn"] ?? "2025-06-03", CultureInfo.InvariantCulture);
                var due = DateOnly.Parse(JsonDocument.Parse(body).RootElement.GetProperty("dueDate").GetString()!, CultureInfo.InvariantCulture);
                var fee = long.Parse(dossier?["FeeVnd"] ?? "0", CultureInfo.InvariantCulture) > 0 ? 1 : 0;
                var expected = new AggregateDeltas(dossier?["ReceivingUnitPath"] ?? "?", DossierApi.Certification);
                expected.Add(received, ("Received", 1), ("FeeBearing", fee), ("OpenIn", 1), ("OnTimeIn", 1));
                expected.Add(due.AddDays(1), ("OnTimeOut", 1));
                e.Aggregates(expected);
                // The receipt by SMS to the applicant's phone (no e-mail was given), waiting in the outbox.
                e.AddedOne("OutboxMessages", r => r["DossierCode"] == code && r["Kind"] == "Receipt" && r["To"] == "0912345678");
                return e.NothingElse();
            };
        }

        // A request for a supplement with a note at its maximum length, on a dossier received just before (outside the snapshot).
        async Task<Func<List<TableSnapshot.Change>, IEnumerable<string>>> Act(Form form)
        {
            var code = (await DossierApi.ReceivedAsync(desk, "584.MC")).GetProperty("code").GetString()!;
            var note = Make(random, 4000, form, exact: random.Next(2) == 0);
            before = await app.SnapshotAsync();
            var dossierId = before.Tables["Dossiers"].Rows.Single(r => r.Columns["Code"] == code).Columns["Id"];
            using var response = await DossierApi.ActAsync(desk, code, new { action = "request-supplement", note });
            var body = await response.Content.ReadAsStringAsync(Ct);
            return changes =>
            {
                if (!response.IsSuccessStatusCode)
                {
                    return [$"{(int)response.StatusCode} {body[..Math.Min(300, body.Length)]}"];
                }

                var e = new Expect(changes);
                var dossier = e.ChangedOne("Dossiers", dossierId);
                e.Check(dossier?["Status"] == "AwaitingSupplement", $"status {dossier?["Status"]}, expected AwaitingSupplement");
                var ev = e.AddedOne("DossierEvents", r => r["DossierId"] == dossierId && r["Action"] == "request-supplement");
                e.Equal(ev, "Note", Nfc(note));
                e.AddedOne("DossierPauses", r => r["DossierId"] == dossierId);
                // The clock stops: the dossier no longer leaves "on time" the day after its former due date.
                var expected = new AggregateDeltas(dossier?["ReceivingUnitPath"] ?? "?", DossierApi.Certification);
                if (ev?["DueDateBefore"] is { } dueBefore && dueBefore != TableSnapshot.Null)
                {
                    expected.Add(DateOnly.Parse(dueBefore, CultureInfo.InvariantCulture).AddDays(1), ("OnTimeOut", -1));
                }

                e.Aggregates(expected);
                // The applicant is told by SMS, with the note (its start when note and procedure name exceed the message's limit).
                var sms = e.AddedOne("OutboxMessages", r => r["DossierCode"] == code && r["Kind"] == "SupplementRequest");
                e.Check(sms is not null && sms["Body"].Length <= MotCua.Web.Features.Notifications.OutboxMessage.MaxBody
                    && (sms["Body"].Contains(Nfc(note), StringComparison.Ordinal) || sms["Body"].Contains(Nfc(note)[..1000], StringComparison.Ordinal)),
                    "the SMS does not carry the NFC note");
                return e.NothingElse();
            };
        }

        // A citizen's draft with every text field at its maximum and the largest documents list.
        async Task<Func<List<TableSnapshot.Change>, IEnumerable<string>>> DraftCreate(Form form)
        {
            var input = DraftBody(form);
            before = await app.SnapshotAsync();
            using var response = await citizen.PostAsJsonAsync("/api/v1/me/drafts", input.Body, Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            return changes => DraftCheck(changes, response, body, input, added: true);
        }

        async Task<Func<List<TableSnapshot.Change>, IEnumerable<string>>> DraftUpdate(Form form)
        {
            using var created = await citizen.PostAsJsonAsync("/api/v1/me/drafts", new { procedureCode = DossierApi.Certification, unitCode = "584.MC" }, Ct);
            var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("id").GetString()!;
            var input = DraftBody(form);
            before = await app.SnapshotAsync();
            using var response = await citizen.PutAsJsonAsync($"/api/v1/me/drafts/{id}", input.Body, Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            return changes => DraftCheck(changes, response, body, input, added: false);
        }

        (object Body, string FullName, string Address, string[] Docs) DraftBody(Form form)
        {
            var fullName = Make(random, 200, form);
            var address = Make(random, 500, form);
            var docs = Enumerable.Range(0, random.Next(2) == 0 ? ReceiveDossier.MaxDocuments : random.Next(1, 10)).Select(_ => Make(random, random.Next(1, 1001), form)).ToArray();
            return (new { procedureCode = DossierApi.Certification, unitCode = "584.MC", fullName, address, documents = docs.Select(d => new { name = d }) }, fullName, address, docs);
        }

        IEnumerable<string> DraftCheck(List<TableSnapshot.Change> changes, HttpResponseMessage response, string body, (object Body, string FullName, string Address, string[] Docs) input, bool added)
        {
            if (!response.IsSuccessStatusCode)
            {
                return [$"{(int)response.StatusCode} {body[..Math.Min(300, body.Length)]}"];
            }

            var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
            var e = new Expect(changes);
            var draft = added ? e.AddedOne("PortalDrafts", r => string.Equals(r["Id"], id, StringComparison.OrdinalIgnoreCase))
                : e.ChangedOne("PortalDrafts", changes.FirstOrDefault(c => c.Table == "PortalDrafts" && string.Equals(c.Key, id, StringComparison.OrdinalIgnoreCase))?.Key ?? id);
            e.Equal(draft, "FullName", Nfc(input.FullName));
            e.Equal(draft, "Address", Nfc(input.Address));
            if (draft is not null)
            {
                var stored = JsonDocument.Parse(draft["Documents"]).RootElement.EnumerateArray().Select(d => d.GetProperty("Name").GetString()!).ToArray();
                e.Check(stored.SequenceEqual(input.Docs.Select(Nfc)), $"draft documents: {stored.Length} stored, {input.Docs.Length} sent, or not in NFC");
            }

            return e.NothingElse();
        }

        // Anyone's complaint, every text at its maximum.
        async Task<Func<List<TableSnapshot.Change>, IEnumerable<string>>> Feedback(Form form)
        {
            var subject = Make(random, 200, form);
            var content = Make(random, 4000, form);
            var sender = Make(random, 200, form);
            before = await app.SnapshotAsync();
            using var response = await app.Raw().PostAsJsonAsync("/api/v1/feedback", new
            {
                kind = random.Next(2) == 0 ? "complaint" : "suggestion",
                subject,
                content,
                senderName = sender,
                senderPhone = "0906111333",
                unitCode = "584.MC",
            }, Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            return changes =>
            {
                if (!response.IsSuccessStatusCode)
                {
                    return [$"{(int)response.StatusCode} {body[..Math.Min(300, body.Length)]}"];
                }

                var number = JsonDocument.Parse(body).RootElement.GetProperty("number").GetString()!;
                var e = new Expect(changes);
                var item = e.AddedOne("FeedbackItems", r => r["Number"] == number);
                e.Equal(item, "Subject", Nfc(subject));
                e.Equal(item, "Content", Nfc(content));
                e.Equal(item, "SenderName", Nfc(sender));
                return e.NothingElse();
            };
        }

        // A unit's monthly reform report sent as a multipart form (the form path of the normalisation), with one PDF.
        async Task<Func<List<TableSnapshot.Change>, IEnumerable<string>>> ReformReport(Form form)
        {
            var text = Make(random, 8000, form, exact: random.Next(2) == 0);
            reportPeriod++;
            var (kind, period) = reportPeriod <= 12 ? ("monthly", reportPeriod) : ("quarterly", reportPeriod - 12);
            var pdf = Encoding.UTF8.GetBytes($"%PDF-1.4 báo cáo {reportPeriod} {random.Next()}");
            var fileName = form == Form.Nfd ? "báo-cáo.pdf".Normalize(NormalizationForm.FormD) : "báo-cáo.pdf";
            using var multipart = new MultipartFormDataContent
            {
                { new StringContent(kind), "kind" },
                { new StringContent("2025"), "year" },
                { new StringContent(period.ToString(CultureInfo.InvariantCulture)), "period" },
                { new StringContent(text), "text" },
                { new ByteArrayContent(pdf), "files", fileName },
            };
            before = await app.SnapshotAsync();
            using var response = await specialist.PostAsync("/api/v1/reform/reports", multipart, Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            return changes =>
            {
                if (!response.IsSuccessStatusCode)
                {
                    return [$"{(int)response.StatusCode} {body[..Math.Min(300, body.Length)]}"];
                }

                var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetRawText();
                var e = new Expect(changes);
                var report = e.AddedOne("UnitReports", r => r["Id"] == id);
                e.Equal(report, "Text", Nfc(text));
                e.AddedOne("UnitReportFiles", r => r["ReportId"] == id && r["FileName"] == Nfc(fileName));
                e.AddedOne("StoredFiles", _ => true);
                return e.NothingElse();
            };
        }
    }

    /// <summary>Assertions over one write's changes; every change an assertion did not claim is reported by <see cref="NothingElse"/>.</summary>
    private sealed class Expect(List<TableSnapshot.Change> changes)
    {
        private readonly HashSet<TableSnapshot.Change> _claimed = [];
        private readonly List<string> _failures = [];

        /// <summary>A predicate over a row that names a missing column instead of throwing.</summary>
        private bool Matches(TableSnapshot.Row row, Func<IReadOnlyDictionary<string, string>, bool> match)
        {
            try
            {
                return match(row.Columns);
            }
            catch (KeyNotFoundException)
            {
                _failures.Add("no such column; the row has " + string.Join(", ", row.Columns.Keys));
                return false;
            }
        }

        public IReadOnlyDictionary<string, string>? AddedOne(string table, Func<IReadOnlyDictionary<string, string>, bool> match)
        {
            var rows = changes.Where(c => c.Table == table && c.Added && Matches(c.After!, match)).ToList();
            _claimed.UnionWith(rows);
            if (rows.Count != 1)
            {
                _failures.Add($"{table}: {rows.Count} matching rows added, expected 1");
                return null;
            }

            return rows[0].After!.Columns;
        }

        public IReadOnlyDictionary<string, string>? ChangedOne(string table, string key)
        {
            var rows = changes.Where(c => c.Table == table && c.Key == key && c is { Added: false, Removed: false }).ToList();
            _claimed.UnionWith(rows);
            Check(rows.Count == 1, $"{table}[{key}]: not changed");
            return rows.Count == 1 ? rows[0].After!.Columns : null;
        }

        public void Added(string table, Func<IReadOnlyDictionary<string, string>, bool> match, int count)
        {
            var rows = changes.Where(c => c.Table == table && c.Added && Matches(c.After!, match)).ToList();
            _claimed.UnionWith(rows);
            Check(rows.Count == count, $"{table}: {rows.Count} rows added, expected {count}");
        }

        public void AddedNames(string table, Func<IReadOnlyDictionary<string, string>, bool> match, string column, IEnumerable<string> expected)
        {
            var rows = changes.Where(c => c.Table == table && c.Added && Matches(c.After!, match)).ToList();
            _claimed.UnionWith(rows);
            var stored = rows.Select(r => r.After!.Columns[column]).Order(StringComparer.Ordinal).ToList();
            var want = expected.Order(StringComparer.Ordinal).ToList();
            Check(stored.SequenceEqual(want), $"{table}.{column}: {stored.Count} rows stored, {want.Count} expected, or text not in NFC");
        }

        public void TouchedOne(string table)
        {
            var rows = changes.Where(c => c.Table == table && !c.Removed).ToList();
            _claimed.UnionWith(rows);
            Check(rows.Count == 1, $"{table}: {rows.Count} rows added or changed, expected 1");
        }

        /// <summary>The aggregate rows move by exactly <paramref name="expected"/>: no other row, no other measure.</summary>
        public void Aggregates(AggregateDeltas expected)
        {
            var rows = changes.Where(c => c.Table == "IndicatorAggregates").ToDictionary(c => c.Key);
            _claimed.UnionWith(rows.Values);
            foreach (var key in rows.Keys.Union(expected.Keys))
            {
                var row = rows.GetValueOrDefault(key);
                foreach (var measure in MotCua.Web.Features.Indicators.IndicatorAggregate.MeasureColumns)
                {
                    var was = row?.Before is null ? 0 : long.Parse(row.Before.Columns[measure], CultureInfo.InvariantCulture);
                    var now = row?.After is null ? 0 : long.Parse(row.After.Columns[measure], CultureInfo.InvariantCulture);
                    var want = expected.Get(key, measure);
                    Check(now - was == want, $"IndicatorAggregates[{key}].{measure} moved by {now - was}, expected {want}");
                }
            }
        }

        public void Equal(IReadOnlyDictionary<string, string>? row, string column, string expected)
        {
            if (row is not null)
            {
                Check(row[column] == expected, $"{column}: stored text differs from the NFC form sent (stored {row[column].Length} chars, NFC {expected.Length})");
            }
        }

        public void Check(bool ok, string failure)
        {
            if (!ok)
            {
                _failures.Add(failure);
            }
        }

        public IEnumerable<string> NothingElse() =>
            _failures.Concat(changes.Where(c => !_claimed.Contains(c)).Select(c => "unexpected change " + (c.ToString().Length > 200 ? c.ToString()[..200] : c.ToString())));
    }

    /// <summary>Expected moves of the indicator aggregates of one unit and procedure: each day counts in its day, month and year rows, for the procedure and for all ("*").</summary>
    private sealed class AggregateDeltas(string unitPath, string procedure)
    {
        private readonly Dictionary<string, Dictionary<string, long>> _moves = [];

        public IEnumerable<string> Keys => _moves.Keys;

        public void Add(DateOnly day, params (string Measure, long Delta)[] deltas)
        {
            foreach (var p in new[] { procedure, "*" })
            {
                foreach (var (grain, start) in new[] { ("Day", day), ("Month", new DateOnly(day.Year, day.Month, 1)), ("Year", new DateOnly(day.Year, 1, 1)) })
                {
                    var key = $"{p}|{grain}|{start:yyyy-MM-dd}|{unitPath}";
                    var row = _moves.TryGetValue(key, out var r) ? r : _moves[key] = [];
                    foreach (var (measure, delta) in deltas)
                    {
                        row[measure] = row.GetValueOrDefault(measure) + delta;
                    }
                }
            }
        }

        public long Get(string key, string measure) => _moves.GetValueOrDefault(key)?.GetValueOrDefault(measure) ?? 0;
    }
}
