// French names for the maps and their controls (MapLibre's own are English), shared by every map of the
// product: pass it as the map's `locale` option.
window.zlvMapLocale = {
  'Map.Title': 'Carte',
  'NavigationControl.ZoomIn': 'Zoomer',
  'NavigationControl.ZoomOut': 'Dézoomer',
  'NavigationControl.ResetBearing': 'Faire glisser pour tourner la carte, cliquer pour revenir au nord',
  'AttributionControl.ToggleAttribution': 'Afficher ou masquer les sources de la carte',
  'Popup.Close': 'Fermer'
};
