// Location map of the housing page: one marker on the dwelling. Without ZLV_MAP_STYLE_URL the base is a
// blank style, so the map works offline (no tiles); the commune's centre and the coordinates stay readable.
(function () {
  var element = document.getElementById('carte-logement');
  if (!element || typeof maplibregl === 'undefined') { return; }
  var lon = parseFloat(element.getAttribute('data-longitude'));
  var lat = parseFloat(element.getAttribute('data-latitude'));
  if (isNaN(lon) || isNaN(lat)) { return; }
  var styleUrl = element.getAttribute('data-style-url');
  var blankStyle = {
    version: 8,
    sources: {},
    layers: [{ id: 'fond', type: 'background', paint: { 'background-color': '#f5f5fe' } }]
  };
  var map = new maplibregl.Map({
    container: element,
    style: styleUrl ? styleUrl : blankStyle,
    center: [lon, lat],
    zoom: 16,
    locale: window.zlvMapLocale, // French names (map-locale.js)
    attributionControl: false
  });
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
  map.on('load', function () {
    map.addSource('logement', {
      type: 'geojson',
      data: { type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties: {} }
    });
    map.addLayer({
      id: 'logement', type: 'circle', source: 'logement',
      paint: { 'circle-radius': 9, 'circle-color': '#000091', 'circle-stroke-width': 3, 'circle-stroke-color': '#ffffff' }
    });
    element.setAttribute('data-ready', 'true');
  });
})();
