using System.Globalization;
using System.Net;
using System.Text;

namespace WorldPlay.Core.Charts;

/// <summary>How values map onto one axis of a chart: linearly, or by their logarithm (values below the minimum sit on it).</summary>
public sealed record ChartScale(double Min, double Max, bool Logarithmic = false)
{
    /// <summary>A linear axis from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static ChartScale Linear(double min, double max) => new(min, max);

    /// <summary>A base-10 logarithmic axis from <paramref name="min"/> (above 0) to <paramref name="max"/>.</summary>
    public static ChartScale Log10(double min, double max) => new(min, max, Logarithmic: true);

    /// <summary>Where <paramref name="value"/> lies between the ends of the axis: 0 at <see cref="Min"/>, 1 at <see cref="Max"/>.</summary>
    public double Fraction(double value) => Logarithmic
        ? (Math.Log10(Math.Max(value, Min)) - Math.Log10(Min)) / (Math.Log10(Max) - Math.Log10(Min))
        : (value - Min) / (Max - Min);
}

/// <summary>The rectangle, in pixels from the top left of the canvas, that a chart's data is drawn in.</summary>
public readonly record struct ChartArea(double Left, double Top, double Right, double Bottom);

/// <summary>A line chart written as inline SVG: a canvas, a plot area, the scales of its two axes, then lines, labels and data
/// series drawn in the order they are added. Coordinates are written with at most one decimal; every text is HTML-encoded.</summary>
public sealed class SvgLineChart
{
    private readonly StringBuilder _svg = new();
    private readonly ChartArea _area;
    private readonly ChartScale _x;
    private readonly ChartScale _y;

    /// <summary>Starts a <paramref name="width"/> x <paramref name="height"/> chart; a <paramref name="label"/> makes it an image
    /// with that accessible name.</summary>
    public SvgLineChart(int width, int height, ChartArea area, ChartScale x, ChartScale y, string? label = null)
    {
        (_area, _x, _y) = (area, x, y);
        Write("<svg xmlns=\"http://www.w3.org/2000/svg\"");
        Write($" width=\"{N(width)}\" height=\"{N(height)}\" viewBox=\"0 0 {N(width)} {N(height)}\"");
        Attribute("role", label is null ? null : "img");
        Attribute("aria-label", label);
        Write(">");
    }

    /// <summary>The pixel column of <paramref name="value"/> on the x axis.</summary>
    public double X(double value) => _area.Left + (_x.Fraction(value) * (_area.Right - _area.Left));

    /// <summary>The pixel row of <paramref name="value"/> on the y axis (larger values higher up).</summary>
    public double Y(double value) => _area.Bottom + (_y.Fraction(value) * (_area.Top - _area.Bottom));

    /// <summary>A straight line between two pixel positions.</summary>
    public SvgLineChart Line(double x1, double y1, double x2, double y2, string stroke, string? dashes = null, double? width = null)
    {
        Write($"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\"");
        Attribute("stroke", stroke);
        Attribute("stroke-dasharray", dashes);
        Attribute("stroke-width", width is { } w ? N(w) : null);
        Write("/>");
        return this;
    }

    /// <summary>A rectangle at a pixel position, filled (or <c>none</c>) and optionally outlined.</summary>
    public SvgLineChart Rect(double x, double y, double width, double height, string fill, string? stroke = null)
    {
        Write($"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(width)}\" height=\"{N(height)}\"");
        Attribute("fill", fill);
        Attribute("stroke", stroke);
        Write("/>");
        return this;
    }

    /// <summary>A label at a pixel position, anchored at its start unless <paramref name="anchor"/> says otherwise.</summary>
    public SvgLineChart Text(double x, double y, string text, string? anchor = null, string? fill = null)
    {
        Write($"<text x=\"{N(x)}\" y=\"{N(y)}\"");
        Attribute("text-anchor", anchor);
        Attribute("fill", fill);
        Write($">{Encode(text)}</text>");
        return this;
    }

    /// <summary>A data series as one polyline through <paramref name="points"/>, placed by the chart's scales.</summary>
    public SvgLineChart Series(IEnumerable<(double X, double Y)> points, string stroke, double width)
    {
        Write("<polyline");
        Attribute("fill", "none");
        Attribute("stroke", stroke);
        Attribute("stroke-width", N(width));
        Attribute("points", string.Join(' ', points.Select(p => $"{N(X(p.X))},{N(Y(p.Y))}")));
        Write("/>");
        return this;
    }

    /// <summary>The chart as an <c>svg</c> element.</summary>
    public override string ToString() => _svg + "</svg>";

    private void Write(string text) => _svg.Append(text);

    /// <summary>Writes <c> name="value"</c>, or nothing when there is no value.</summary>
    private void Attribute(string name, string? value)
    {
        if (value is not null)
        {
            _svg.Append(' ').Append(name).Append("=\"").Append(Encode(value)).Append('"');
        }
    }

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
