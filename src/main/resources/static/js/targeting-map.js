// Map of the filtered dwellings: every point from /api/v1/housings/map (compact arrays), clustered,
// coloured by status, with a popup; the territory's communes and départements as reference layers.
// Without ZLV_MAP_STYLE_URL the base is a blank style, so the map works offline (no tiles, no glyphs).
(function () {
  var element = document.getElementById('carte');
  var state = document.getElementById('etat-carte');
  if (!element) { return; }
  var STATUS_LABELS = ['Non suivi', 'En attente de retour', 'Premier contact', 'Suivi en cours', 'Suivi terminé', 'Suivi bloqué'];
  var STATUS_COLOURS = ['#000091', '#a87c00', '#219150', '#0b6b33', '#666666', '#ce0500'];
  var styleUrl = element.getAttribute('data-style-url');
  var blankStyle = {
    version: 8,
    sources: {},
    layers: [{ id: 'fond', type: 'background', paint: { 'background-color': '#f5f5fe' } }]
  };

  function say(text) { state.textContent = text; }

  function toGeoJson(payload) {
    var f = payload.fields;
    var at = function (name) { return f.indexOf(name); };
    var id = at('id'), lon = at('longitude'), lat = at('latitude'), status = at('status'), address = at('address'),
      localId = at('localId'), occupancy = at('occupancy');
    return {
      type: 'FeatureCollection',
      features: payload.items.map(function (p) {
        return {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [p[lon], p[lat]] },
          properties: { id: p[id], localId: p[localId], status: p[status], occupancy: p[occupancy], address: p[address] || '' }
        };
      })
    };
  }

  function bounds(features) {
    if (features.length === 0) { return null; }
    var b = [[180, 90], [-180, -90]];
    features.forEach(function (f) {
      var c = f.geometry.coordinates;
      b[0][0] = Math.min(b[0][0], c[0]); b[0][1] = Math.min(b[0][1], c[1]);
      b[1][0] = Math.max(b[1][0], c[0]); b[1][1] = Math.max(b[1][1], c[1]);
    });
    return b;
  }

  function escapeHtml(text) {
    var div = document.createElement('div');
    div.textContent = text == null ? '' : String(text);
    return div.innerHTML;
  }

  var points = fetch(element.getAttribute('data-points-url'), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.json(); })
    .then(toGeoJson);
  var layers = fetch(element.getAttribute('data-layers-url'), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    .then(function (r) { return r.ok ? r.json() : { communes: { type: 'FeatureCollection', features: [] }, departements: { type: 'FeatureCollection', features: [] } }; });

  points.then(function (data) {
    var n = data.features.length;
    element.setAttribute('data-points', String(n));
    say(n === 0 ? 'Aucun logement géolocalisé ne correspond à ces filtres.'
      : (n === 1 ? '1 logement géolocalisé sur la carte.' : n.toLocaleString('fr-FR') + ' logements géolocalisés sur la carte.'));
  }).catch(function () { say('Les logements n’ont pas pu être chargés.'); });

  var map;
  try {
    map = new maplibregl.Map({
      container: element,
      style: styleUrl ? styleUrl : blankStyle,
      center: [2.5, 46.6],
      zoom: 4.6,
      locale: window.zlvMapLocale, // French names (map-locale.js)
      attributionControl: styleUrl ? undefined : false
    });
  } catch (e) {
    element.setAttribute('data-map-error', 'webgl');
    element.innerHTML = '<p class="fr-p-2w">La carte ne peut pas s’afficher dans ce navigateur (WebGL indisponible).</p>';
    return;
  }
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
  window.zlvMap = map;

  map.on('load', function () {
    Promise.all([points, layers]).then(function (results) {
      var data = results[0], reference = results[1];
      map.addSource('departements', { type: 'geojson', data: reference.departements });
      map.addLayer({ id: 'departements', type: 'line', source: 'departements', paint: { 'line-color': '#9a9aff', 'line-width': 1 } });
      map.addSource('communes', { type: 'geojson', data: reference.communes });
      map.addLayer({ id: 'communes', type: 'circle', source: 'communes',
        paint: { 'circle-radius': 4, 'circle-color': '#ffffff', 'circle-stroke-color': '#6a6af4', 'circle-stroke-width': 2 } });

      map.addSource('logements', { type: 'geojson', data: data, cluster: true, clusterRadius: 45, clusterMaxZoom: 15 });
      map.addLayer({ id: 'groupes', type: 'circle', source: 'logements', filter: ['has', 'point_count'],
        paint: {
          'circle-color': '#6a6af4', 'circle-opacity': 0.75, 'circle-stroke-color': '#000091', 'circle-stroke-width': 1,
          'circle-radius': ['step', ['get', 'point_count'], 12, 10, 16, 100, 22, 1000, 30, 10000, 38]
        } });
      var colour = ['match', ['get', 'status']];
      STATUS_COLOURS.forEach(function (c, i) { colour.push(i, c); });
      colour.push('#000000');
      map.addLayer({ id: 'logements', type: 'circle', source: 'logements', filter: ['!', ['has', 'point_count']],
        paint: { 'circle-radius': 6, 'circle-color': colour, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5 } });

      // the stylesheet may arrive after the map measured its container
      map.resize();
      var box = bounds(data.features.length ? data.features : reference.communes.features);
      if (box) { map.fitBounds(box, { padding: 60, maxZoom: 14, duration: 0 }); }

      map.on('click', 'groupes', function (e) {
        var feature = e.features[0];
        map.getSource('logements').getClusterExpansionZoom(feature.properties.cluster_id).then(function (zoom) {
          map.easeTo({ center: feature.geometry.coordinates, zoom: zoom });
        });
      });
      map.on('click', 'logements', function (e) {
        var p = e.features[0].properties;
        new maplibregl.Popup({ closeButton: true })
          .setLngLat(e.features[0].geometry.coordinates)
          .setHTML('<p class="fr-text--sm fr-mb-1v"><strong>' + escapeHtml(p.address || p.localId) + '</strong></p>'
            + '<p class="fr-text--sm fr-mb-1v">' + escapeHtml(STATUS_LABELS[p.status] || '') + '</p>'
            + '<a class="fr-link fr-text--sm" href="/logements/' + encodeURIComponent(p.id) + '">Voir le logement</a>')
          .addTo(map);
      });
      map.on('click', 'communes', function (e) {
        var p = e.features[0].properties;
        new maplibregl.Popup().setLngLat(e.features[0].geometry.coordinates)
          .setHTML('<p class="fr-text--sm fr-mb-0">' + escapeHtml(p.name) + ' (' + escapeHtml(p.code) + ')</p>').addTo(map);
      });
      ['groupes', 'logements', 'communes'].forEach(function (layer) {
        map.on('mouseenter', layer, function () { map.getCanvas().style.cursor = 'pointer'; });
        map.on('mouseleave', layer, function () { map.getCanvas().style.cursor = ''; });
      });
      element.setAttribute('data-ready', 'true');
    }).catch(function () { say('Les logements n’ont pas pu être chargés.'); });
  });
})();
