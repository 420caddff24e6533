import NewsCore

/// The GeoJSON that ninjs 2.x and 3.x places carry (`geojson`, `geoJSON`), checked as the schema
/// at geojson.org has it: a geometry (Point ... MultiPolygon, GeometryCollection), a Feature or a
/// FeatureCollection, with coordinates nested as deep as the type says, positions of two numbers
/// or more, rings of four positions or more, and an optional `bbox` of four numbers or more.
/// The ninjs schemas point at it by URL, so the shapes generated from them cannot hold it.
enum GeoJSONShape {
    /// The first problem with a value (a path and what is wrong), or nil when it is GeoJSON.
    static func problem(_ value: JSONValue, path: String) -> String? {
        guard case .object(let members) = value else { return "\(path): expected a GeoJSON object" }
        guard case .string(let type)? = members["type"] else { return "\(path)/type: a GeoJSON type is required" }
        if let bbox = members["bbox"], !isNumbers(bbox, atLeast: 4) { return "\(path)/bbox: expected four numbers or more" }
        switch type {
        case "Feature":
            guard let properties = members["properties"], properties == .null || isObject(properties) else {
                return "\(path)/properties: a Feature needs properties (an object or null)"
            }
            guard let geometry = members["geometry"] else { return "\(path)/geometry: a Feature needs a geometry (or null)" }
            if let id = members["id"], !isNumber(id) && !isString(id) { return "\(path)/id: expected a number or a string" }
            return geometry == .null ? nil : geometryProblem(geometry, path: "\(path)/geometry", collections: true)
        case "FeatureCollection":
            guard case .array(let features)? = members["features"] else {
                return "\(path)/features: a FeatureCollection needs an array of features"
            }
            for (index, feature) in features.enumerated() {
                guard case .object(let inner) = feature, inner["type"] == .string("Feature") else {
                    return "\(path)/features/\(index): expected a Feature"
                }
                if let problem = problem(feature, path: "\(path)/features/\(index)") { return problem }
            }
            return nil
        default:
            return geometryProblem(value, path: path, collections: true)
        }
    }

    /// How deep each geometry's coordinates nest, and how many items each level needs at least
    /// (outermost first; the innermost level is a position's numbers).
    private static let coordinates: [String: [Int]] = [
        "Point": [2], "LineString": [2, 2], "MultiPoint": [0, 2], "Polygon": [0, 4, 2], "MultiLineString": [0, 2, 2],
        "MultiPolygon": [0, 0, 4, 2],
    ]

    private static func geometryProblem(_ value: JSONValue, path: String, collections: Bool) -> String? {
        guard case .object(let members) = value, case .string(let type)? = members["type"] else {
            return "\(path): expected a GeoJSON geometry"
        }
        if let bbox = members["bbox"], !isNumbers(bbox, atLeast: 4) { return "\(path)/bbox: expected four numbers or more" }
        if type == "GeometryCollection", collections {
            guard case .array(let geometries)? = members["geometries"] else {
                return "\(path)/geometries: a GeometryCollection needs an array of geometries"
            }
            for (index, geometry) in geometries.enumerated() {
                // The schema allows only simple geometries inside a collection.
                if let problem = geometryProblem(geometry, path: "\(path)/geometries/\(index)", collections: false) { return problem }
            }
            return nil
        }
        guard let levels = coordinates[type] else { return "\(path)/type: '\(type)' is not a GeoJSON geometry type" }
        guard let value = members["coordinates"], nests(value, levels[...]) else {
            return "\(path)/coordinates: expected the coordinates of a \(type)"
        }
        return nil
    }

    /// True when the value is arrays nested as `levels` says, with numbers innermost.
    private static func nests(_ value: JSONValue, _ levels: ArraySlice<Int>) -> Bool {
        guard let minimum = levels.first else { return false }
        if levels.count == 1 { return isNumbers(value, atLeast: minimum) }
        guard case .array(let items) = value, items.count >= minimum else { return false }
        return items.allSatisfy { nests($0, levels.dropFirst()) }
    }

    private static func isNumbers(_ value: JSONValue, atLeast minimum: Int) -> Bool {
        guard case .array(let items) = value, items.count >= minimum else { return false }
        return items.allSatisfy(isNumber)
    }

    private static func isNumber(_ value: JSONValue) -> Bool { if case .number = value { true } else { false } }
    private static func isString(_ value: JSONValue) -> Bool { if case .string = value { true } else { false } }
    private static func isObject(_ value: JSONValue) -> Bool { if case .object = value { true } else { false } }
}
