using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Indicators;

namespace MotCua.Web.Features.Indicators;

/// <summary>
/// One aggregate row: the summed <see cref="Measure"/> counts of the dossiers received by one unit for one procedure
/// ("*" for all) on one day, month or year (docs/decisions/0009-indicator-aggregates.md).
/// </summary>
public sealed class IndicatorAggregate
{
    public const string AllProcedures = "*";

    public required string ProcedureCode { get; set; }
    public Grain Grain { get; set; }

    /// <summary>The day, the first day of the month or 1 January.</summary>
    public DateOnly Day { get; set; }

    public required string UnitPath { get; set; }

    public long Received { get; set; }
    public long ReceivedOnline { get; set; }
    public long ReceivedPostal { get; set; }
    public long FeeBearing { get; set; }
    public long FeeBearingPaidOnline { get; set; }
    public long Digitized { get; set; }
    public long Reused { get; set; }
    public long Finished { get; set; }
    public long FinishedOnTime { get; set; }
    public long ElectronicResult { get; set; }
    public long RoutedElectronically { get; set; }
    public long Returned { get; set; }
    public long Rated { get; set; }
    public long RatedGood { get; set; }
    public long ReturnedDissatisfied { get; set; }
    public long AckDue { get; set; }
    public long AckOnTime { get; set; }
    public long AckLate { get; set; }
    public long OpenIn { get; set; }
    public long OpenOut { get; set; }
    public long OnTimeIn { get; set; }
    public long OnTimeOut { get; set; }

    public static readonly string[] MeasureColumns = Enum.GetNames<Measure>();

    public MeasureVector ToVector() => new([
            Received,
            ReceivedOnline,
            ReceivedPostal,
            FeeBearing,
            FeeBearingPaidOnline,
            Digitized,
            Reused,
            Finished,
            FinishedOnTime,
            ElectronicResult,
            RoutedElectronically,
            Returned,
            Rated,
            RatedGood,
            ReturnedDissatisfied,
            AckDue,
            AckOnTime,
            AckLate,
            OpenIn,
            OpenOut,
            OnTimeIn,
            OnTimeOut,
        ]);

    internal static void Configure(ModelBuilder b) => b.Entity<IndicatorAggregate>(e =>
    {
        e.ToTable("IndicatorAggregates");
        // Day before path: a period reads a short date range of one grain, then filters the subtree.
        e.HasKey(a => new { a.ProcedureCode, a.Grain, a.Day, a.UnitPath });
        e.Property(a => a.ProcedureCode).HasMaxLength(40);
        e.Property(a => a.Grain).HasConversion<string>().HasMaxLength(8);
        e.Property(a => a.UnitPath).HasMaxLength(400);
    });
}
