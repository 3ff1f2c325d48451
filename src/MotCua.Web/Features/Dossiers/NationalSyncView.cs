namespace MotCua.Web.Features.Dossiers;

/// <summary>
/// A dossier's sync state with the national portal, as <c>nationalSync</c> in <c>GET /api/v1/dossiers/{code}</c>:
/// <c>state</c> is synced, pending, failed, notConfigured or notSynced (history imported from elsewhere).
/// </summary>
public sealed record NationalSyncDto(
    string State, string StateLabel, int NationalStatus, string NationalStatusLabel, int Attempts,
    DateTime? LastAttemptAt, DateTime? LastSyncedAt, DateTime? NextAttemptAt, string? LastError);

/// <summary>Implemented by the national-portal feature, which depends on this folder (ADR 0001: the owner declares the interface).</summary>
public interface INationalSyncView
{
    Task<NationalSyncDto> ForAsync(Dossier dossier, CancellationToken ct);
}
