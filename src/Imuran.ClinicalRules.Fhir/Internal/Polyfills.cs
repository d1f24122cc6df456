#if NETSTANDARD2_0
namespace System.Runtime.CompilerServices
{
    /// <summary>Lets init-only setters compile for .NET Standard 2.0.</summary>
    internal static class IsExternalInit
    {
    }
}
#endif
