using Microsoft.EntityFrameworkCore.ChangeTracking;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Indicators;
using MotCua.Web.Features.Dossiers;

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
