package cn.huying.region.internal;

import cn.huying.shared.DomainException;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/** Parses and checks grid boundaries: GeoJSON Polygon or MultiPolygon in WGS 84 (longitude, latitude). */
final class Boundaries {

    static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4326);

    private Boundaries() {
    }

    static Geometry parse(String geoJson) {
        Geometry g;
        try {
            g = new GeoJsonReader(GEOMETRY).read(geoJson);
        } catch (ParseException | RuntimeException e) {
            throw DomainException.invalid("region.boundary.invalid", e.getMessage());
        }
        if (!(g instanceof Polygon || g instanceof MultiPolygon)) {
            throw DomainException.invalid("region.boundary.invalid", g.getGeometryType());
        }
        if (g.isEmpty() || !g.isValid()) {
            throw DomainException.invalid("region.boundary.invalid", "self-intersecting or empty");
        }
        Envelope e = g.getEnvelopeInternal();
        if (e.getMinX() < -180 || e.getMaxX() > 180 || e.getMinY() < -90 || e.getMaxY() > 90) {
            throw DomainException.invalid("region.boundary.invalid", "coordinates out of range");
        }
        return g;
    }

    /** Parses a boundary already stored (trusted), for the index. */
    static Geometry read(String geoJson) throws ParseException {
        return new GeoJsonReader(GEOMETRY).read(geoJson);
    }

    static String write(Geometry g) {
        GeoJsonWriter writer = new GeoJsonWriter(7);
        writer.setEncodeCRS(false);
        return writer.write(g);
    }

    static RegionRepository.Bbox bbox(Geometry g) {
        Envelope e = g.getEnvelopeInternal();
        return new RegionRepository.Bbox(e.getMinY(), e.getMinX(), e.getMaxY(), e.getMaxX());
    }
}
