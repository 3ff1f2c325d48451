using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Procedures.Admin;

/// <summary>Creates a procedure, or edits one: saving an edit opens a new version from today.</summary>
[Authorize(Policy = AccountsSetup.AdminPolicy)]
public sealed class EditModel(AppDbContext db, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public ProcedureInput Input { get; set; } = new();

    public Procedure? Current { get; private set; }

    public bool Creating => string.IsNullOrEmpty(Code);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Creating)
        {
            Current = await FindProcedure.VersionAsync(db, Code!, null, ct);
            if (Current is null)
            {
                return NotFound();
            }

            Input = ProcedureInput.From(Current);
        }

        Pad();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // Model binding errors (text in a number box) are reported in Vietnamese beside the field.
        foreach (var key in ModelState.Where(kv => kv.Value?.Errors.Count > 0).Select(kv => kv.Key).ToList())
        {
            ModelState[key]!.Errors.Clear();
            ModelState.AddModelError(key, t["Giá trị không hợp lệ."]);
        }

        if (ModelState.IsValid)
        {
            var outcome = await SaveProcedure.RunAsync(db, Input, Creating ? null : Code, time, t, User.Identity?.Name, ct);
            if (outcome.NotFound)
            {
                return NotFound();
            }

            if (outcome.Saved is { } saved)
            {
                return Redirect($"/Procedures/Details?code={Uri.EscapeDataString(saved.Code)}");
            }

            foreach (var (key, messages) in outcome.Errors)
            {
                foreach (var m in messages)
                {
                    ModelState.AddModelError("Input." + key, m);
                }
            }
        }

        if (!Creating)
        {
            Current = await FindProcedure.VersionAsync(db, Code!, null, ct);
        }

        Pad();
        return Page();
    }

    /// <summary>Blank rows to fill in: the page adds documents, fees and steps without JavaScript.</summary>
    private void Pad()
    {
        while (Input.Documents.Count < 3 || !Input.Documents[^1].IsBlank)
        {
            Input.Documents.Add(new DocumentInput());
        }

        while (Input.Fees.Count < 1 || !Input.Fees[^1].IsBlank)
        {
            Input.Fees.Add(new FeeInput());
        }

        while (Input.Steps.Count < 3 || !Input.Steps[^1].IsBlank)
        {
            Input.Steps.Add(new StepInput());
        }
    }

    public string? ErrorFor(string key) =>
        ModelState.TryGetValue("Input." + key, out var e) && e.Errors.Count > 0 ? e.Errors[0].ErrorMessage : null;
}
