using System;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Imuran.ClinicalRules.Serialization;

/// <summary>
/// <see cref="JsonSerializer"/> settings that give exactly the documented JSON contract. Thread-safe.
/// </summary>
/// <remarks>
/// <para>The contract types serialise themselves: <see cref="EvaluationResult"/>, <see cref="Findings.Finding"/>,
/// <see cref="Facts.PatientFacts"/> and <see cref="Facts.ClinicalDate"/> carry converters that call the project's own
/// writers, so any serializer settings (ASP.NET Core's <c>Results.Ok</c> with its defaults, for example) give the
/// contract's members, names and values. <see cref="Options"/> adds the contract's escaping (only what JSON
/// requires) and camelCase enum names everywhere, so the text is byte-for-byte what
/// <see cref="EvaluationResultJson.ToJson"/> writes (compact).</para>
/// <para>In ASP.NET Core: <c>builder.Services.ConfigureHttpJsonOptions(o =&gt; ImuranJson.Configure(o.SerializerOptions));</c>
/// or <c>Results.Json(result, ImuranJson.Options)</c>.</para>
/// </remarks>
public static class ImuranJson
{
    private static readonly Lazy<JsonSerializerOptions> LazyOptions = new(() =>
    {
        var options = new JsonSerializerOptions();
        Configure(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    });

    /// <summary>Read-only serializer options for the contract: compact, minimal escaping, camelCase names and enums.</summary>
    public static JsonSerializerOptions Options => LazyOptions.Value;

    /// <summary>
    /// Sets <paramref name="options"/> up for the contract (a host's own options, such as ASP.NET Core's): minimal
    /// escaping, camelCase property names, and the contract's camelCase enum names for this library's enums.
    /// </summary>
    /// <returns><paramref name="options"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="options"/> is read-only (already used).</exception>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        foreach (var converter in options.Converters)
        {
            if (converter is ContractEnumConverterFactory)
            {
                return options;
            }
        }

        options.Converters.Add(new ContractEnumConverterFactory());
        return options;
    }
}
