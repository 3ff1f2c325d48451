namespace MotCua.Domain.Indicators;

/// <summary>
/// What one dossier adds to the dated aggregate rows. Summing the rows of a period (and, for the open measures, of every
/// date up to its end) gives exactly <see cref="IndicatorCounts.FromDossiers"/>; the store subtracts a dossier's old
/// contribution and adds its new one whenever it changes.
/// </summary>
public static class Contributions
{
    public static SortedDictionary<DateOnly, MeasureVector> Of(DossierFacts d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var byDay = new SortedDictionary<DateOnly, MeasureVector>();
        void Add(DateOnly day, Measure m)
        {
            if (!byDay.TryGetValue(day, out var v))
            {
                byDay[day] = v = new MeasureVector();
            }

            v[m]++;
        }

        var r = d.ReceivedOn;
        Add(r, Measure.Received);
        if (d.Online)
        {
            Add(r, Measure.ReceivedOnline);
        }

        if (d.Postal)
        {
            Add(r, Measure.ReceivedPostal);
        }

        if (DossierRules.FeeBearing(d))
        {
            Add(r, Measure.FeeBearing);
            if (d.PaidOnline)
            {
                Add(r, Measure.FeeBearingPaidOnline);
            }
        }

        if (d.Digitized)
        {
            Add(r, Measure.Digitized);
        }

        if (d.ReusedDocuments > 0)
        {
            Add(r, Measure.Reused);
        }

        if (d.Identified)
        {
            Add(r, Measure.Identified);
        }

        if (d.NationalSynced)
        {
            Add(r, Measure.NationalSynced);
        }

        if (DossierRules.IsFinished(d))
        {
            var f = d.FinishedOn!.Value;
            Add(f, Measure.Finished);
            if (DossierRules.FinishedOnTime(d))
            {
                Add(f, Measure.FinishedOnTime);
            }

            if (d.ElectronicResult)
            {
                Add(f, Measure.ElectronicResult);
            }

            if (d.RoutedElectronically is { } routed)
            {
                Add(f, Measure.TransferredBetweenUnits);
                if (routed)
                {
                    Add(f, Measure.RoutedElectronically);
                }
            }
        }

        if (d.ReturnedOn is { } ret)
        {
            Add(ret, Measure.Returned);
            if (d.Rating is { } rating)
            {
                Add(ret, Measure.Rated);
                if (rating >= 4)
                {
                    Add(ret, Measure.RatedGood);
                }
            }

            if (DossierRules.Dissatisfied(d))
            {
                Add(ret, Measure.ReturnedDissatisfied);
            }
        }

        // In process on [received, ended); in process and on time on [received, min(ended, due + 1)).
        var ended = DossierRules.EndedOn(d);
        Add(r, Measure.OpenIn);
        if (ended is { } e)
        {
            Add(e, Measure.OpenOut);
        }

        var due = DossierRules.EffectiveDueDate(d);
        if (d.SupplementRequests <= 1 && (due is null || due >= r))
        {
            Add(r, Measure.OnTimeIn);
            DateOnly? stop = due is { } x ? x.AddDays(1) : null;
            if (ended is { } e2 && (stop is null || e2 < stop))
            {
                stop = e2;
            }

            if (stop is { } s)
            {
                Add(s, Measure.OnTimeOut);
            }
        }

        return byDay;
    }

    /// <summary>What one online submission adds to the acknowledgement counts: due on its submission date, and how it was answered.</summary>
    public static (DateOnly Day, MeasureVector Counts) Of(AcknowledgementFacts a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var v = new MeasureVector();
        v[Measure.AckDue] = 1;
        if (a.OnTime is { } onTime)
        {
            v[onTime ? Measure.AckOnTime : Measure.AckLate] = 1;
        }

        return (a.SubmittedOn, v);
    }

    /// <summary>What one work file adds: nothing while open or when secret; on its closing date one closed, and one online if it was processed online.</summary>
    public static (DateOnly Day, MeasureVector Counts)? Of(WorkFileFacts w)
    {
        ArgumentNullException.ThrowIfNull(w);
        if (w.ClosedOn is not { } closed || !Documents.WorkFileRules.Counts(w.Secret))
        {
            return null;
        }

        var v = new MeasureVector();
        v[Measure.WorkFilesClosed] = 1;
        if (w.ProcessedOnline)
        {
            v[Measure.WorkFilesClosedOnline] = 1;
        }

        return (closed, v);
    }
}

/// <summary>One work file (hồ sơ công việc) as <c>workFilesOnlineRate</c> counts it: its unit, closing date, secrecy and whether it was processed online.</summary>
public sealed record WorkFileFacts(string UnitPath, DateOnly? ClosedOn, bool Secret, bool ProcessedOnline);

/// <summary>
/// One online submission as the 8-working-hour acknowledgement rate counts it (issue 11, item 2): its receiving unit,
/// procedure and local submission date; <see cref="OnTime"/> is null until it is acknowledged. A submission withdrawn
/// before anyone answered has none.
/// </summary>
public sealed record AcknowledgementFacts(string UnitPath, string ProcedureCode, DateOnly SubmittedOn, bool? OnTime);
