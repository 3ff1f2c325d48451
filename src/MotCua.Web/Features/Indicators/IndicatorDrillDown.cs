using System.Linq.Expressions;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.Indicators;

/// <summary>
/// The dossiers behind one number: the same definitions as <see cref="MotCua.Domain.Indicators.DossierRules"/>, written as
/// database predicates (a test checks that every count here equals the aggregate's).
/// </summary>
public static class IndicatorDrillDown
{
    public static readonly string[] Parts = ["numerator", "denominator", "complement"];

    public static readonly string[] Indicators =
    [
        "received", "onTimeRate", "onlineRate", "postalCount", "onlinePaymentRate", "digitizationRate", "electronicResultRate", "reuseRate",
        "electronicRoutingRate", "satisfactionRate", "nationalSatisfactionRate", "identifiedRate",
        "nationalSyncRate",
    ];

    /// <summary>Aliases a page may use for the parts of the on-time and satisfaction rates.</summary>
    public static string NormalisePart(string part) => part switch
    {
        "onTime" or "good" => "numerator",
        "population" or "rated" => "denominator",
        "late" => "complement",
        _ => part,
    };

    public static Expression<Func<Dossier, bool>>? Predicate(string indicator, string part, DateOnly f, DateOnly t)
    {
        part = NormalisePart(part);
        return (indicator, part) switch
        {
            ("received", _) => d => d.Status != DossierStatus.AwaitingReception && d.ReceivedOn >= f && d.ReceivedOn <= t,
            ("onTimeRate" or "nationalSatisfactionRate", "denominator") => d =>
                (d.FinishedOn >= f && d.FinishedOn <= t && (d.FinishKind == "approved" || d.FinishKind == "refused" || d.FinishKind == "stopped"))
                || (d.Status != DossierStatus.AwaitingReception && d.ReceivedOn <= t && !(d.FinishKind != null && d.FinishedOn <= t)),
            ("onTimeRate", "numerator") => d =>
                (d.FinishedOn >= f && d.FinishedOn <= t && (d.FinishKind == "approved" || d.FinishKind == "refused" || d.FinishKind == "stopped")
                    && d.SupplementRequests <= 1 && (d.LegalDueDate == null || d.FinishedOn <= d.LegalDueDate))
                || (d.Status != DossierStatus.AwaitingReception && d.ReceivedOn <= t && !(d.FinishKind != null && d.FinishedOn <= t)
                    && d.SupplementRequests <= 1
                    && (d.LegalDueDate == null || t <= d.LegalDueDate
                        || (d.PausedFrom != null && d.Pauses.Any(p => p.To == null && p.From <= d.LegalDueDate)))),
            ("onTimeRate" or "nationalSatisfactionRate", "complement") => d =>
                (d.FinishedOn >= f && d.FinishedOn <= t && (d.FinishKind == "approved" || d.FinishKind == "refused" || d.FinishKind == "stopped")
                    && !(d.SupplementRequests <= 1 && (d.LegalDueDate == null || d.FinishedOn <= d.LegalDueDate)))
                || (d.Status != DossierStatus.AwaitingReception && d.ReceivedOn <= t && !(d.FinishKind != null && d.FinishedOn <= t)
                    && !(d.SupplementRequests <= 1
                        && (d.LegalDueDate == null || t <= d.LegalDueDate
                            || (d.PausedFrom != null && d.Pauses.Any(p => p.To == null && p.From <= d.LegalDueDate))))),
            ("nationalSatisfactionRate", "dissatisfied") => d =>
                d.Status != DossierStatus.AwaitingReception && d.ReturnedOn >= f && d.ReturnedOn <= t && (d.Complaint || d.Rating <= 2),
            ("onlineRate", "numerator") => d => d.Status != DossierStatus.AwaitingReception && d.ReceivedOn >= f && d.ReceivedOn <= t && d.Channel == Channel.Online,
            ("onlineRate", "complement") => d => d.Status != DossierStatus.AwaitingReception && d.ReceivedOn >= f && d.ReceivedOn <= t && d.Channel != Channel.Online,
            ("postalCount", _) => d => d.Status != DossierStatus.AwaitingReception && d.ReceivedOn >= f && d.ReceivedOn <= t && d.Channel == Channel.Postal,
            ("onlinePaymentRate", "numerator") => d => d.Status != DossierStatus.AwaitingReception && d.ReceivedOn >= f && d.ReceivedOn <= t && d.FeeVnd > 0 && d.PaidOnline,
            ("onlinePaymentRate", "denominator") => d => d.Status != DossierStatus.AwaitingReception && d.ReceivedOn >= f && d.ReceivedOn <= t && d.FeeVnd > 0,
            ("onlinePaymentRate", "complement") => d => d.Status != DossierStatus.AwaitingReception && d.ReceivedOn >= f && d.ReceivedOn <= t && d.FeeVnd > 0 && !d.PaidOnline,
            ("digitizationRate", "numerator") => d => d.Status != DossierStatus.AwaitingReception && d.ReceivedOn >= f && d.ReceivedOn <= t && d.Digitized,
            ("digitizationRate", "complement") => d => d.Status != DossierStatus.AwaitingReception && d.ReceivedOn >= f && d.ReceivedOn <= t && !d.Digitized,
            ("reuseRate", "numerator") => d => d.Status != DossierStatus.AwaitingReception && d.ReceivedOn >= f && d.ReceivedOn <= t && d.ReusedDocuments > 0,
            ("reuseRate", "complement") => d => d.Status != DossierStatus.AwaitingReception && d.ReceivedOn >= f && d.ReceivedOn <= t && d.ReusedDocuments <= 0,
            ("onlineRate" or "digitizationRate" or "reuseRate", "denominator") => d =>
                d.Status != DossierStatus.AwaitingReception && d.ReceivedOn >= f && d.ReceivedOn <= t,
            ("electronicResultRate", "denominator") => d =>
                d.FinishedOn >= f && d.FinishedOn <= t && (d.FinishKind == "approved" || d.FinishKind == "refused" || d.FinishKind == "stopped"),
            ("electronicRoutingRate", "denominator") => d =>
                d.FinishedOn >= f && d.FinishedOn <= t && (d.FinishKind == "approved" || d.FinishKind == "refused" || d.FinishKind == "stopped")
                && d.RoutedElectronically != null,
            ("identifiedRate", "numerator") => d =>
                d.Status != DossierStatus.AwaitingReception && d.ReceivedOn >= f && d.ReceivedOn <= t && (d.ElectronicallyIdentified || d.IdentityVerified),
            ("identifiedRate", "denominator") => d => d.Status != DossierStatus.AwaitingReception && d.ReceivedOn >= f && d.ReceivedOn <= t,
            ("identifiedRate", "complement") => d =>
                d.Status != DossierStatus.AwaitingReception && d.ReceivedOn >= f && d.ReceivedOn <= t && !d.ElectronicallyIdentified && !d.IdentityVerified,
            ("nationalSyncRate", "numerator") => d =>
                d.Status != DossierStatus.AwaitingReception && d.ReceivedOn >= f && d.ReceivedOn <= t && d.NationalSynced == true,
            ("nationalSyncRate", "denominator") => d => d.Status != DossierStatus.AwaitingReception && d.ReceivedOn >= f && d.ReceivedOn <= t,
            ("nationalSyncRate", "complement") => d =>
                d.Status != DossierStatus.AwaitingReception && d.ReceivedOn >= f && d.ReceivedOn <= t && d.NationalSynced != true,
            ("electronicResultRate", "numerator") => d =>
                d.FinishedOn >= f && d.FinishedOn <= t && (d.FinishKind == "approved" || d.FinishKind == "refused" || d.FinishKind == "stopped") && d.ElectronicResult,
            ("electronicResultRate", "complement") => d =>
                d.FinishedOn >= f && d.FinishedOn <= t && (d.FinishKind == "approved" || d.FinishKind == "refused" || d.FinishKind == "stopped") && !d.ElectronicResult,
            ("electronicRoutingRate", "numerator") => d =>
                d.FinishedOn >= f && d.FinishedOn <= t && (d.FinishKind == "approved" || d.FinishKind == "refused" || d.FinishKind == "stopped") && d.RoutedElectronically == true,
            ("electronicRoutingRate", "complement") => d =>
                d.FinishedOn >= f && d.FinishedOn <= t && (d.FinishKind == "approved" || d.FinishKind == "refused" || d.FinishKind == "stopped") && d.RoutedElectronically == false,
            ("satisfactionRate", "numerator") => d => d.Status != DossierStatus.AwaitingReception && d.ReturnedOn >= f && d.ReturnedOn <= t && d.Rating >= 4,
            ("satisfactionRate", "denominator") => d => d.Status != DossierStatus.AwaitingReception && d.ReturnedOn >= f && d.ReturnedOn <= t && d.Rating != null,
            ("satisfactionRate", "complement") => d => d.Status != DossierStatus.AwaitingReception && d.ReturnedOn >= f && d.ReturnedOn <= t && d.Rating <= 3,
            _ => null,
        };
    }
}
