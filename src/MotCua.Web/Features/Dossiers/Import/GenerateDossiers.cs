using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Dossiers.Import;

/// <summary>
/// Writes realistic invented historical dossiers as import ndjson, deterministic for a seed: for benchmarks and the demo's
/// trends. Codes start with "SIM-" so that generated demo data is never mistaken for real dossiers.
/// </summary>
public static class GenerateDossiers
{
    public sealed record UnitChoice(string Code, DateOnly ValidFrom, DateOnly? ValidTo);

    public static async Task WriteAsync(
        TextWriter writer, long count, int seed, DateOnly from, DateOnly to, IReadOnlyList<UnitChoice> units, IReadOnlyList<string> procedures, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var rng = new Random(seed);
        var days = to.DayNumber - from.DayNumber + 1;
        for (long i = 0; i < count; i++)
        {
            var received = from.AddDays((int)(i * days / Math.Max(1, count)));
            var valid = units.Where(u => u.ValidFrom <= received && (u.ValidTo is null || received <= u.ValidTo)).ToList();
            var unit = valid.Count > 0 ? valid[rng.Next(valid.Count)] : units[rng.Next(units.Count)];
            // The online share grows over the years, as the plan intends.
            var year = received.Year - 2021;
            var online = rng.NextDouble() < 0.15 + 0.1 * year;
            var channel = online ? "online" : rng.Next(20) == 0 ? "postal" : "direct";
            var workDays = rng.Next(1, 16);
            var due = received.AddDays(workDays * 7 / 5 + 1);
            var supplements = rng.Next(10) switch { 0 => 1, 1 => 2, _ => 0 };
            var state = rng.Next(100);
            string? kind = null;
            DateOnly? finished = null;
            var age = to.DayNumber - received.DayNumber;
            if (age > 60 || state < 85)
            {
                kind = state switch { < 3 => "refused", < 4 => "stopped", < 6 => "withdrawn", _ => "approved" };
                var late = rng.NextDouble() < 0.08 - 0.012 * year;
                finished = late ? due.AddDays(rng.Next(1, 10)) : received.AddDays(rng.Next(0, Math.Max(1, due.DayNumber - received.DayNumber + 1)));
                if (finished > to)
                {
                    finished = to;
                }
            }

            DateOnly? returned = kind == "approved" && finished is { } fd && rng.Next(10) > 0 ? fd.AddDays(rng.Next(0, 4)) : null;
            if (returned > to)
            {
                returned = to;
            }

            var fee = rng.Next(3) == 0 ? 10_000L * rng.Next(1, 20) : 0;
            var line = new Dictionary<string, object?>
            {
                ["code"] = $"SIM-{unit.Code}-{seed}-{i:D9}",
                ["procedureCode"] = procedures[rng.Next(procedures.Count)],
                ["unitCode"] = unit.Code,
                ["channel"] = channel,
                ["receivedAt"] = Instant(received, rng),
                ["dueDate"] = Date(due),
                ["finishedAt"] = finished is { } f ? Instant(f, rng) : null,
                ["finishKind"] = kind,
                ["returnedAt"] = returned is { } r ? Instant(r, rng) : null,
                ["pauses"] = supplements > 0 ? new[] { new { from = Date(received.AddDays(1)), to = Date(received.AddDays(3)) } } : Array.Empty<object>(),
                ["supplementRequests"] = supplements,
                ["feeVnd"] = fee,
                ["paidOnline"] = fee > 0 && rng.NextDouble() < 0.1 + 0.08 * year,
                ["digitized"] = rng.NextDouble() < 0.2 + 0.15 * year,
                ["electronicResult"] = rng.NextDouble() < 0.1 + 0.15 * year,
                ["reusedDocuments"] = rng.NextDouble() < 0.1 + 0.12 * year ? rng.Next(1, 3) : 0,
                ["routedElectronically"] = rng.NextDouble() < 0.5 + 0.1 * year,
                ["rating"] = returned is not null && rng.Next(3) == 0 ? Rating(rng) : null,
                ["complaint"] = rng.Next(200) == 0,
            };
            await writer.WriteLineAsync(JsonSerializer.Serialize(line).AsMemory(), ct);
        }
    }

    private static int Rating(Random rng) => rng.Next(100) switch { < 60 => 5, < 85 => 4, < 93 => 3, < 97 => 2, _ => 1 };

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Instant(DateOnly d, Random rng) =>
        d.ToDateTime(new TimeOnly(7 + rng.Next(0, 10), rng.Next(0, 60))).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "+07:00";

    /// <summary>Units that receive dossiers (communes and one-stop desks) and the procedures of the catalogue.</summary>
    public static async Task<(List<UnitChoice> Units, List<string> Procedures)> ChoicesAsync(AppDbContext db, CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking()
            .Where(u => u.Kind == UnitKind.Commune || u.Kind == UnitKind.Desk)
            .OrderBy(u => u.Code)
            .Select(u => new UnitChoice(u.Code, u.ValidFrom, u.ValidTo))
            .ToListAsync(ct);
        var procedures = await db.Procedures.AsNoTracking().Select(p => p.Code).Distinct().OrderBy(c => c).ToListAsync(ct);
        return (units, procedures);
    }
}
