using PdfSharp.Fonts;

namespace MotCua.Web.Features.Forms;

/// <summary>Serves Noto Sans for every family PDFsharp asks for: it has Vietnamese stacked diacritics that survive subsetting.</summary>
public sealed class NotoSansFontResolver : IFontResolver
{
    public const string DefaultFolder = "/usr/share/fonts/truetype/noto/";
    static readonly string[] Faces = ["NotoSans-Regular", "NotoSans-Bold", "NotoSans-Italic", "NotoSans-BoldItalic"];
    readonly Dictionary<string, byte[]> fonts = [];

    public NotoSansFontResolver(string folder)
    {
        foreach (var face in Faces)
        {
            var path = Path.Combine(folder, face + ".ttf");
            if (!File.Exists(path))
            {
                throw new FileNotFoundException(
                    $"Font {face}.ttf not found in '{folder}'. Forms need Noto Sans: install the Debian package fonts-noto-core or set Forms:FontFolder to a folder holding {string.Join(", ", Faces.Select(f => f + ".ttf"))}.",
                    path);
            }

            fonts[face] = File.ReadAllBytes(path);
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new((bold, italic) switch
        {
            (true, true) => "NotoSans-BoldItalic",
            (true, false) => "NotoSans-Bold",
            (false, true) => "NotoSans-Italic",
            _ => "NotoSans-Regular",
        });

    public byte[]? GetFont(string faceName) => fonts.GetValueOrDefault(faceName);
}
