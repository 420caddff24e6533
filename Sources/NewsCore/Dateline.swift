import Foundation

/// A dateline: where and when the story was filed, and by which agency.
///
/// `Islamabad, Dec 15 (EFE).-` is text `Islamabad, Dec 15 (EFE).-`, place `Islamabad`,
/// date `--12-15` (no year), source `EFE`.
public struct Dateline: Sendable, Hashable, Codable {
    /// The dateline as printed, separator included.
    public var text: String
    /// The place (city) as printed.
    public var place: String?
    /// A region, state or country printed after the place (`Argentina` in `BUENOS AIRES, Argentina (AP)`).
    public var region: String?
    /// The date, as far as it is printed.
    public var date: NewsDate?
    /// The agency credited in the dateline (`EFE`, `AP`, `Reuters`).
    public var source: String?
    /// The located place's code, where the source gives one: NewsML-G2's `located/@qcode`
    /// (`city:Philadelphia`) or `@uri`. A place known by its code alone has no ``place``.
    public var placeCode: String?

    /// The place when the printed text does not name it (a located place that is not printed):
    /// formats that print every text of a dateline keep it elsewhere (NITF's `docdata/evloc`).
    public var unprintedPlace: String? {
        guard let place, !place.isEmpty, !text.contains(place) else { return nil }
        return place
    }

    public init(
        text: String, place: String? = nil, region: String? = nil, date: NewsDate? = nil, source: String? = nil, placeCode: String? = nil
    ) {
        self.text = text
        self.place = place
        self.region = region
        self.date = date
        self.source = source
        self.placeCode = placeCode
    }
}
