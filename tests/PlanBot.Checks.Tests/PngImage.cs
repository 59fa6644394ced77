using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace PlanBot.Checks.Tests;

/// <summary>A decoded 8-bit RGBA, non-interlaced PNG: enough to check the Teams icons.</summary>
public sealed class PngImage
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private PngImage(int width, int height, byte colorType, byte[] rgba)
    {
        Width = width;
        Height = height;
        ColorType = colorType;
        Rgba = rgba;
    }

    public int Width { get; }

    public int Height { get; }

    public byte ColorType { get; }

    /// <summary>Pixels row by row, four bytes each; empty when the image is not 8-bit RGBA.</summary>
    public byte[] Rgba { get; }

    /// <summary>Reads the size from the IHDR chunk, which must come first.</summary>
    public static (int Width, int Height) ReadSize(byte[] png)
    {
        ArgumentNullException.ThrowIfNull(png);
        if (png.Length < 24 || !png.AsSpan(0, 8).SequenceEqual(Signature) || Encoding.ASCII.GetString(png, 12, 4) != "IHDR")
        {
            throw new InvalidDataException("Not a PNG with a leading IHDR chunk.");
        }

        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    public static PngImage Decode(byte[] png)
    {
        var (width, height) = ReadSize(png);
        var bitDepth = png[24];
        var colorType = png[25];
        var interlace = png[28];
        using var idat = new MemoryStream();
        for (var offset = 8; offset + 12 <= png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            var type = Encoding.ASCII.GetString(png, offset + 4, 4);
            if (type == "IDAT")
            {
                idat.Write(png, offset + 8, length);
            }

            offset += 12 + length;
        }

        if (bitDepth != 8 || colorType != 6 || interlace != 0)
        {
            return new PngImage(width, height, colorType, []);
        }

        idat.Position = 0;
        using var inflater = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        inflater.CopyTo(raw);
        return new PngImage(width, height, colorType, Unfilter(raw.ToArray(), width, height));
    }

    public (byte R, byte G, byte B, byte A) Pixel(int x, int y)
    {
        var o = ((y * Width) + x) * 4;
        return (Rgba[o], Rgba[o + 1], Rgba[o + 2], Rgba[o + 3]);
    }

    private static byte[] Unfilter(byte[] data, int width, int height)
    {
        const int bpp = 4;
        var stride = width * bpp;
        var pixels = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            var filter = data[y * (stride + 1)];
            var source = (y * (stride + 1)) + 1;
            var row = y * stride;
            for (var i = 0; i < stride; i++)
            {
                int left = i >= bpp ? pixels[row + i - bpp] : 0;
                int up = y > 0 ? pixels[row - stride + i] : 0;
                int upLeft = y > 0 && i >= bpp ? pixels[row - stride + i - bpp] : 0;
                var predictor = filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"Unknown PNG filter {filter}."),
                };
                pixels[row + i] = (byte)(data[source + i] + predictor);
            }
        }

        return pixels;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
