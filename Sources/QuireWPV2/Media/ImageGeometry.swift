/// The sizes WordPress gives an image's copies (`wp_constrain_dimensions`,
/// `image_resize_dimensions`): scaled to fit a box, or scaled to cover it and cropped in the
/// middle; never enlarged.
///
/// ```swift
/// ImageGeometry.constrain(width: 3000, height: 2000, maxWidth: 1024, maxHeight: 1024) // (1024, 683)
/// ```
public enum ImageGeometry {
    /// How to make one copy: scale the whole image to `scaledWidth` x `scaledHeight`, then
    /// keep `width` x `height` from (`left`, `top`).
    public struct Plan: Sendable, Equatable {
        public var width: Int
        public var height: Int
        public var scaledWidth: Int
        public var scaledHeight: Int
        public var left: Int
        public var top: Int
    }

    /// PHP's `round` (halves away from zero).
    static func round(_ x: Double) -> Int { Int(x.rounded(.toNearestOrAwayFromZero)) }

    /// The largest size with the image's proportions that fits the box (0 means no limit).
    public static func constrain(width: Int, height: Int, maxWidth: Int, maxHeight: Int) -> (width: Int, height: Int) {
        guard maxWidth > 0 || maxHeight > 0 else { return (width, height) }
        var widthRatio = 1.0, heightRatio = 1.0
        var didWidth = false, didHeight = false
        if maxWidth > 0 && width > 0 && width > maxWidth {
            widthRatio = Double(maxWidth) / Double(width)
            didWidth = true
        }
        if maxHeight > 0 && height > 0 && height > maxHeight {
            heightRatio = Double(maxHeight) / Double(height)
            didHeight = true
        }
        let smaller = min(widthRatio, heightRatio), larger = max(widthRatio, heightRatio)
        let ratio = round(Double(width) * larger) > maxWidth || round(Double(height) * larger) > maxHeight ? smaller : larger
        var w = max(1, round(Double(width) * ratio)), h = max(1, round(Double(height) * ratio))
        // A pixel lost to rounding on the side that was limited is given back.
        if didWidth && w == maxWidth - 1 { w = maxWidth }
        if didHeight && h == maxHeight - 1 { h = maxHeight }
        return (w, h)
    }

    /// Within a pixel of the original both ways: no copy is made (`wp_fuzzy_number_match`).
    static func nearlySame(_ w: Int, _ h: Int, _ width: Int, _ height: Int) -> Bool {
        abs(w - width) <= 1 && abs(h - height) <= 1
    }

    /// The plan for one size, or nil when the copy would be the original's size.
    public static func resize(width: Int, height: Int, toWidth: Int, height toHeight: Int, crop: Bool) -> Plan? {
        guard width > 0, height > 0, toWidth > 0 || toHeight > 0 else { return nil }
        if crop {
            let aspect = Double(width) / Double(height)
            var w = min(toWidth, width), h = min(toHeight, height)
            if w == 0 { w = round(Double(h) * aspect) }
            if h == 0 { h = round(Double(w) / aspect) }
            guard !nearlySame(w, h, width, height) else { return nil }
            let scale = max(Double(w) / Double(width), Double(h) / Double(height))
            let sw = max(w, round(Double(width) * scale)), sh = max(h, round(Double(height) * scale))
            return Plan(width: w, height: h, scaledWidth: sw, scaledHeight: sh, left: (sw - w) / 2, top: (sh - h) / 2)
        }
        let (w, h) = constrain(width: width, height: height, maxWidth: toWidth, maxHeight: toHeight)
        guard !nearlySame(w, h, width, height) else { return nil }
        return Plan(width: w, height: h, scaledWidth: w, scaledHeight: h, left: 0, top: 0)
    }
}
