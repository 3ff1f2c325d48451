using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Features.Accounts;

namespace MotCua.Web.Features.Documents;

/// <summary>Work files of the user's subtree, and the form that opens one.</summary>
[Authorize(Policy = AccountsSetup.StaffPolicy)]
public sealed class WorkFilesModel(WorkFiles files) : PageModel
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public bool Secret { get; set; }
    public WorkFileRow[] Rows { get; private set; } = [];
    public Dictionary<string, string[]> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await files.ListAsync(User, null, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        switch (await files.OpenAsync(new OpenWorkFileRequest(Title, Secret), User, ct))
        {
            case WorkFiles.Done(var f):
                return Redirect($"/Documents/WorkFile?id={f.Id}");
            case WorkFiles.Invalid(var field, var message):
                Errors[field] = [message];
                break;
        }

        Rows = await files.ListAsync(User, null, ct);
        return Page();
    }
}
