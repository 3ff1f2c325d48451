using Microsoft.EntityFrameworkCore.ChangeTracking;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Indicators;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Indicators;

/// <summary>Reads the indicator facts off a dossier row; null while it waits for the desk's acceptance (not yet received).</summary>
public static class DossierFactsMap
{
    public static DossierFacts? From(Dossier d, DateOnly? pausedSince) =>
        d.Status == DossierStatus.AwaitingReception ? null : new DossierFacts
        {
            UnitPath = d.ReceivingUnitPath,
            ProcedureCode = d.ProcedureCode,
            Online = d.Channel == Channel.Online,
            Postal = d.Channel == Channel.Postal,
            ReceivedOn = d.ReceivedOn,
            DueDate = d.LegalDueDate,
            FinishKind = d.FinishKind,
            FinishedOn = d.FinishedOn,
            ReturnedOn = d.ReturnedOn,
            PausedSince = d.PausedFrom is null ? null : pausedSince,
            SupplementRequests = d.SupplementRequests,
            FeeVnd = d.FeeVnd,
            PaidOnline = d.PaidOnline,
            Digitized = d.Digitized,
            ElectronicResult = d.ElectronicResult,
            ReusedDocuments = d.ReusedDocuments,
            RoutedElectronically = d.RoutedElectronically,
            Rating = d.Rating,
            Complaint = d.Complaint,
        };

    public static AcknowledgementFacts? Ack(Dossier d) =>
        Ack(d.Channel, d.Status, d.SubmittedAtUtc, d.AckDeadlineUtc, d.AcknowledgedAtUtc, d.ReceivingUnitPath, d.ProcedureCode);

    public static AcknowledgementFacts? AckFromOriginal(PropertyValues v) => Ack(
        (Channel)v[nameof(Dossier.Channel)]!, (DossierStatus)v[nameof(Dossier.Status)]!, (DateTime?)v[nameof(Dossier.SubmittedAtUtc)],
        (DateTime?)v[nameof(Dossier.AckDeadlineUtc)], (DateTime?)v[nameof(Dossier.AcknowledgedAtUtc)],
        (string)v[nameof(Dossier.ReceivingUnitPath)]!, (string)v[nameof(Dossier.ProcedureCode)]!);

    /// <summary>An online submission with a deadline; none once withdrawn before anyone answered (as <see cref="Acknowledgements.RateAsync"/>).</summary>
    private static AcknowledgementFacts? Ack(
        Channel channel, DossierStatus status, DateTime? submittedUtc, DateTime? deadlineUtc, DateTime? acknowledgedUtc, string unitPath, string procedureCode) =>
        channel != Channel.Online || submittedUtc is not { } s || deadlineUtc is not { } deadline || (status == DossierStatus.Withdrawn && acknowledgedUtc is null)
            ? null
            : new AcknowledgementFacts(unitPath, procedureCode, VietnamTime.LocalDate(s), acknowledgedUtc is { } at ? at <= deadline : null);

    /// <summary>The facts as they were when the row was loaded (before this SaveChanges).</summary>
    public static DossierFacts? FromOriginal(PropertyValues v, DateOnly? pausedSince)
    {
        T Get<T>(string name) => (T)v[name]!;
        if (Get<DossierStatus>(nameof(Dossier.Status)) == DossierStatus.AwaitingReception)
        {
            return null;
        }

        var channel = Get<Channel>(nameof(Dossier.Channel));
        return new DossierFacts
        {
            UnitPath = Get<string>(nameof(Dossier.ReceivingUnitPath)),
            ProcedureCode = Get<string>(nameof(Dossier.ProcedureCode)),
            Online = channel == Channel.Online,
            Postal = channel == Channel.Postal,
            ReceivedOn = Get<DateOnly>(nameof(Dossier.ReceivedOn)),
            DueDate = Get<DateOnly?>(nameof(Dossier.LegalDueDate)),
            FinishKind = Get<string?>(nameof(Dossier.FinishKind)),
            FinishedOn = Get<DateOnly?>(nameof(Dossier.FinishedOn)),
            ReturnedOn = Get<DateOnly?>(nameof(Dossier.ReturnedOn)),
            PausedSince = Get<DossierStatus?>(nameof(Dossier.PausedFrom)) is null ? null : pausedSince,
            SupplementRequests = Get<int>(nameof(Dossier.SupplementRequests)),
            FeeVnd = Get<long>(nameof(Dossier.FeeVnd)),
            PaidOnline = Get<bool>(nameof(Dossier.PaidOnline)),
            Digitized = Get<bool>(nameof(Dossier.Digitized)),
            ElectronicResult = Get<bool>(nameof(Dossier.ElectronicResult)),
            ReusedDocuments = Get<int>(nameof(Dossier.ReusedDocuments)),
            RoutedElectronically = Get<bool>(nameof(Dossier.RoutedElectronically)),
            Rating = Get<int?>(nameof(Dossier.Rating)),
            Complaint = Get<bool>(nameof(Dossier.Complaint)),
        };
    }
}
