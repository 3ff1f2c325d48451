namespace MotCua.Web;

/// <summary>Marker for the shared strings: Vietnamese text is the key, English lives in Resources/SharedResource.en.resx.</summary>
public sealed class SharedResource;
