namespace MotCua.Domain.Dossiers;

/// <summary>The last event of a dossier, as far as undoing a refusal needs to know it.</summary>
public readonly record struct LastEvent(string Action, string ActorId, DateTime AtUtc, DossierStatus? StateBefore);

/// <summary>A refusal "pressed by mistake" can be taken back by its author within a short window; afterwards it stands.</summary>
public static class RefusalUndo
{
    /// <summary>Allowed with the state before the refusal, or denied with a reason (State → 409, Role → 403, Deadline → 400).</summary>
    public static TransitionResult Decide(DossierStatus status, LastEvent? last, string actorId, DateTime nowUtc, TimeSpan window)
    {
        if (status != DossierStatus.Refused || last is not { Action: "refuse" } refusal || refusal.StateBefore is not { } before)
        {
            return TransitionResult.Denied(DenialKind.State, null, "Chỉ hoàn tác được ngay sau khi từ chối hồ sơ.");
        }

        if (refusal.ActorId != actorId)
        {
            return TransitionResult.Denied(DenialKind.Role, null, "Chỉ người đã từ chối hồ sơ mới được hoàn tác.");
        }

        var elapsed = nowUtc - refusal.AtUtc;
        return elapsed > window || elapsed < TimeSpan.Zero
            ? TransitionResult.Denied(
                DenialKind.Deadline, "action", "Đã quá {0} phút kể từ khi từ chối: không thể hoàn tác.",
                ((int)window.TotalMinutes).ToString(System.Globalization.CultureInfo.InvariantCulture))
            : TransitionResult.Allowed(before);
    }
}
